/** Podline's version, taken from package.json by the build (scripts/build.mjs). */
declare const PODLINE_VERSION: string;

/** The version the server and the CLI report. */
export const podlineVersion: string = PODLINE_VERSION;
