/**
 * Every command identifier of Podline, declared once: the client registers them, `package.json`
 * contributes the palette ones (a unit test keeps `contributes.commands`, the menus and any
 * keybinding in step with `contributedCommands`), and the server names them in code lenses.
 * Library-free, like the rest of the protocol.
 */

/** The commands `package.json` contributes: in the palette, the menus, or both. */
export const contributedCommands = {
  /** "Podline: Run Simulation" (palette, editor title bar, explorer menu). */
  runSimulation: 'podline.runSimulation',
  /** "Podline: Show Output", also the language status item's command. */
  showOutput: 'podline.showOutput',
  /** "Podline: Preview Created Objects"; its optional argument is a `PreviewCommandArgument`. */
  previewCreatedObjects: 'podline.previewCreatedObjects',
  /** "Podline: Check Workspace". */
  checkWorkspace: 'podline.checkWorkspace',
  /** "Podline: Restart Language Server". */
  restartServer: 'podline.restartServer',
  /** "Podline: Select Kubernetes Version", also the version status item's command; optional argument a version. */
  selectKubernetesVersion: 'podline.selectKubernetesVersion',
} as const;

/** Commands that only code run: registered by the client, absent from `package.json`. */
export const internalCommands = {
  /** What the "▶ Simulate" code lens runs, with `{ document: <index> }`. */
  simulate: 'podline.simulate',
} as const;

/** Every command, by a short name. */
export const podlineCommands = { ...contributedCommands, ...internalCommands } as const;

/** A Podline command identifier. */
export type PodlineCommand = (typeof podlineCommands)[keyof typeof podlineCommands];
