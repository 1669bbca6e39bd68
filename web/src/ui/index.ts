// Shared presentational pieces: no API calls here.
export { ErrorAlert, StatusMessage, errorText } from './ErrorAlert';
export { TextField, SelectField, TextAreaField } from './Field';
export { CopyButton } from './CopyButton';
export { Dialog } from './Dialog';
export { ConfirmDialog } from './ConfirmDialog';
export { Card } from './Card';
export { ErrorBoundary } from './ErrorBoundary';
export { BarChart, type BarRow } from './BarChart';
export { TileMap, type Tile } from './TileMap';
