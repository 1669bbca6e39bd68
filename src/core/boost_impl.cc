// Debian 12 ships Boost.JSON and Boost.URL as headers only; this is the one translation unit
// that compiles their implementation for the whole binary.
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
