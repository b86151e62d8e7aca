import * as vscode from 'vscode';

/** The versions `podline.kubernetesVersion` accepts, newest first, as the extension's manifest declares them. */
export function selectableVersions(extension: vscode.Extension<unknown>): string[] {
  const manifest = extension.packageJSON as {
    contributes?: { configuration?: { properties?: Record<string, { enum?: unknown }> } };
  };
  const values = manifest.contributes?.configuration?.properties?.['podline.kubernetesVersion']?.enum;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
}

/**
 * "Podline: Select Kubernetes Version": sets `podline.kubernetesVersion` for the workspace (or
 * for the user when no folder is open), from a quick pick or from the version given. Returns
 * the version set, or undefined when the pick was dismissed or the version is not one Podline
 * supports.
 */
export async function selectKubernetesVersion(
  extension: vscode.Extension<unknown>,
  given?: unknown,
): Promise<string | undefined> {
  const versions = selectableVersions(extension);
  const configuration = vscode.workspace.getConfiguration('podline');
  const current = configuration.get<string>('kubernetesVersion');
  const newest = versions[0];
  let version: string | undefined;
  if (typeof given === 'string') {
    version = given;
  } else {
    const picked = await vscode.window.showQuickPick(
      versions.map((value) => ({
        label: `Kubernetes ${value}`,
        value,
        description:
          value === current
            ? vscode.l10n.t('current')
            : value === newest
              ? vscode.l10n.t('newest')
              : undefined,
      })),
      {
        title: vscode.l10n.t('Validate manifests for Kubernetes'),
        placeHolder: vscode.l10n.t(
          'A file can still choose its own with a # podline: kubernetes=1.NN comment',
        ),
      },
    );
    version = picked?.value;
  }
  if (version === undefined) return undefined;
  if (!versions.includes(version)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Podline does not support Kubernetes {0}; it supports {1}.',
        version,
        versions.join(', '),
      ),
    );
    return undefined;
  }
  const target =
    (vscode.workspace.workspaceFolders?.length ?? 0) > 0
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await configuration.update('kubernetesVersion', version, target);
  return version;
}
