/**
 * Where an editor feature's unexpected failure goes: the feature (`hover:scheduleHover`) and what
 * was thrown. The core cannot log (it knows no connection), so whoever builds the context decides:
 * the LSP layer logs through the connection, with the document's URI; tests fail.
 */
export type ReportError = (feature: string, error: unknown) => void;
