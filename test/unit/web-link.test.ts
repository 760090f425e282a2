import assert from 'node:assert/strict';
import { fileWebUrl, headRef, remoteUrl } from '../../src/core/queue/webLink';

describe('web links to lessons from git', () => {
  it('reads the origin remote, else the first one', () => {
    const config =
      '[core]\n\trepositoryformatversion = 0\n[remote "upstream"]\n\turl = https://github.com/acme/upstream.git\n[remote "origin"]\n\turl = git@github.com:acme/courses.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin\n';
    assert.equal(remoteUrl(config), 'git@github.com:acme/courses.git');
    assert.equal(remoteUrl('[remote "fork"]\n  url = https://gitlab.example.com/a/b.git\n'), 'https://gitlab.example.com/a/b.git');
    assert.equal(remoteUrl('[core]\n\tbare = false\n'), undefined);
  });

  it('reads the branch, or a detached commit', () => {
    assert.equal(headRef('ref: refs/heads/main\n'), 'main');
    assert.equal(headRef('ref: refs/heads/feature/legal-review\n'), 'feature/legal-review');
    assert.equal(headRef('3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b\n'), '3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b');
    assert.equal(headRef('garbage'), undefined);
  });

  it('builds the page URL for GitHub, GitLab and Bitbucket remotes, over SSH or HTTPS', () => {
    const cases: Array<[string, string]> = [
      ['git@github.com:acme/courses.git', 'https://github.com/acme/courses/blob/main/customer%20service/01-greeting.md'],
      ['https://github.com/acme/courses', 'https://github.com/acme/courses/blob/main/customer%20service/01-greeting.md'],
      ['ssh://git@github.com/acme/courses.git', 'https://github.com/acme/courses/blob/main/customer%20service/01-greeting.md'],
      ['https://token@github.com/acme/courses.git', 'https://github.com/acme/courses/blob/main/customer%20service/01-greeting.md'],
      [
        'git@gitlab.com:acme/training/courses.git',
        'https://gitlab.com/acme/training/courses/-/blob/main/customer%20service/01-greeting.md',
      ],
      ['https://bitbucket.org/acme/courses.git', 'https://bitbucket.org/acme/courses/src/main/customer%20service/01-greeting.md'],
    ];
    for (const [remote, expected] of cases) assert.equal(fileWebUrl(remote, 'main', 'customer service/01-greeting.md'), expected, remote);
  });

  it('gives no URL for a local remote or one with a password in it', () => {
    assert.equal(fileWebUrl('/srv/git/courses.git', 'main', 'a.md'), undefined);
    assert.equal(fileWebUrl('file:///srv/git/courses.git', 'main', 'a.md'), undefined);
    assert.equal(fileWebUrl('https://user:secret@github.com/acme/courses.git', 'main', 'a.md'), undefined);
    assert.equal(fileWebUrl('../courses', 'main', 'a.md'), undefined);
  });
});
