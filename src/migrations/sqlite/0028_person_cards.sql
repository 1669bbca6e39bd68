-- 0028 person cards: her legal name, alias and safe-contact words sealed together under her key,
-- beside the three columns (people/person_cipher.h, PersonCipher::SealCard). A case list shows
-- those three of every listed woman; opening one field instead of three takes two thirds of the
-- decryption off a list. Rows written before this migration have no card until the server's
-- start-up walk seals one (it needs her key, which SQL cannot reach); until then their lists open
-- the three columns as before. Erasure clears it with the rest.
ALTER TABLE people ADD COLUMN card BLOB;
