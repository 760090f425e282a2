/**
 * For the tests that script git repositories: neither the machine's git configuration
 * (commit.gpgsign, core.hooksPath, user.name…) nor a CI job's variables (GITHUB_BASE_REF, GIT_DIR…)
 * may change what they see. The CLI runs in-process, so this is the process's environment.
 */
export function useIsolatedGitEnvironment(): void {
  const saved: NodeJS.ProcessEnv = {};
  const changes: Record<string, string | undefined> = {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_BASE_REF: undefined,
    GITHUB_ACTIONS: undefined,
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_AUTHOR_NAME: undefined,
    GIT_AUTHOR_EMAIL: undefined,
    GIT_COMMITTER_NAME: undefined,
    GIT_COMMITTER_EMAIL: undefined,
  };
  before(() => {
    for (const [name, value] of Object.entries(changes)) {
      saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
