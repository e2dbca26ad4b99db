// Tells an OSV record (https://ossf.github.io/osv-schema/) from other JSON: a string `id` and either
// `modified` or an `affected` list. Its own module so that report parsing does not load the
// advisory formats (core/advisories) to recognise one.

export function isOsvAdvisory(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === 'string' &&
    (typeof record.modified === 'string' || Array.isArray(record.affected))
  );
}
