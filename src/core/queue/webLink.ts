/**
 * Where a lesson can be read on the web, from what git knows: the `origin` remote (else the first
 * remote) of `.git/config` and the branch in `.git/HEAD`. Pure text in, URL out; the adapters read
 * the files.
 */

/** The URL of the remote named `origin` (else the first remote) in a `.git/config` text. */
export function remoteUrl(gitConfig: string): string | undefined {
  const remotes = new Map<string, string>();
  let section: string | undefined;
  for (const line of gitConfig.split(/\r?\n/)) {
    const header = /^\s*\[\s*remote\s+"([^"]+)"\s*\]/.exec(line);
    if (header) section = header[1];
    else if (/^\s*\[/.test(line)) section = undefined;
    else if (section !== undefined) {
      const url = /^\s*url\s*=\s*(\S+)\s*$/.exec(line);
      if (url && !remotes.has(section)) remotes.set(section, url[1]);
    }
  }
  return remotes.get('origin') ?? remotes.values().next().value;
}

/** The branch (or commit) checked out, from a `.git/HEAD` text. */
export function headRef(head: string): string | undefined {
  const text = head.trim();
  const branch = /^ref:\s*refs\/heads\/(.+)$/.exec(text);
  if (branch) return branch[1];
  return /^[0-9a-f]{40}$/.test(text) ? text : undefined;
}

/**
 * The web page of a file in the repository: GitHub and anything shaped like it (`/blob/`), GitLab
 * (`/-/blob/`), Bitbucket (`/src/`). Undefined for remotes that are not on a web host (a path, a
 * bare `file://`), or with credentials in them.
 */
export function fileWebUrl(remote: string, ref: string, path: string): string | undefined {
  const base = webBase(remote);
  if (!base) return undefined;
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const encodedRef = ref.split('/').map(encodeURIComponent).join('/');
  const host = new URL(base).hostname;
  if (host === 'bitbucket.org') return `${base}/src/${encodedRef}/${encodedPath}`;
  if (host.startsWith('gitlab.')) return `${base}/-/blob/${encodedRef}/${encodedPath}`;
  return `${base}/blob/${encodedRef}/${encodedPath}`;
}

function webBase(remote: string): string | undefined {
  const scp = /^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}):(?!\/\/)(.+?)(?:\.git)?\/?$/i.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || url.password || !url.hostname.includes('.')) return undefined;
  const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
  if (path === '') return undefined;
  return `https://${url.hostname}${path}`;
}
