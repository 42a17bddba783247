/**
 * Whether a path inside the collection (its parts) is hidden: a part starting with "." (".git",
 * ".env", ".DS_Store"). Hidden files are never captures and never published. The one exception
 * is where git-annex keeps the bytes of annexed files (`.git/annex/objects/…`): a capture that is
 * an annexed file is a link to there.
 */
export function isHiddenPath(parts: string[]): boolean {
  if (parts.length > 3 && parts[0] === '.git' && parts[1] === 'annex' && parts[2] === 'objects') return parts.slice(3).some((p) => p.startsWith('.'));
  return parts.some((p) => p.startsWith('.'));
}
