/**
 * Container image references as the container runtime parses them (the distribution
 * `reference` grammar): `[registry[:port]/]path[:tag][@digest]`, path components lowercase.
 */
export interface ImageReference {
  readonly registry: string | null;
  readonly path: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const referencePattern = new RegExp(
  `^(?:(${domain})/)?(${component}(?:/${component})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

/** Parses an image reference, or returns undefined when it is not a valid one. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image.length > 4096) return undefined;
  const match = referencePattern.exec(image);
  if (!match) return undefined;
  let registry = match[1] ?? null;
  let path = match[2] ?? '';
  // `localhost/x` or `host.domain/x` name a registry; `library/x` is a path on Docker Hub.
  if (
    registry &&
    !registry.includes('.') &&
    !registry.includes(':') &&
    registry !== 'localhost' &&
    registry.toLowerCase() === registry
  ) {
    path = `${registry}/${path}`;
    registry = null;
  }
  return { registry, path, tag: match[3] ?? null, digest: match[4] ?? null };
}
