/**
 * `npm run check-commits` (part of `npm run lint`): every commit since the project took up the habit
 * has a subject of at most 72 characters and a body that says why (CONTRIBUTING.md). Commits before
 * it are history and are not rewritten. Exit 1 names each commit that breaks the habit.
 */
import { execFileSync } from 'node:child_process';

/** The last commit before the habit: everything after it is held to it. */
const ADOPTED_AFTER = 'e5af715';
const MAX_SUBJECT = 72;

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function main(): number {
  let range = `${ADOPTED_AFTER}..HEAD`;
  try {
    git('cat-file', '-e', `${ADOPTED_AFTER}^{commit}`);
  } catch {
    // A shallow clone may not reach back that far: hold what it has to the habit.
    range = 'HEAD';
    process.stdout.write(`check-commits: ${ADOPTED_AFTER} is not in this clone; checking the commits it has\n`);
  }
  const SEPARATOR = '\u001e';
  const log = git('log', `--format=%h%x1f%s%x1f%b${SEPARATOR}`, range);
  const problems: string[] = [];
  let count = 0;
  for (const entry of log.split(SEPARATOR)) {
    if (!entry.trim()) continue;
    const [hash, subject = '', body = ''] = entry.trim().split('\u001f');
    count += 1;
    if (subject.length > MAX_SUBJECT)
      problems.push(`${hash}: the subject has ${subject.length} characters (at most ${MAX_SUBJECT}): ${subject}`);
    if (!body.trim() && !subject.startsWith('Merge ')) problems.push(`${hash}: no body saying why: ${subject}`);
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${problems.length} problem(s) in ${count} commits (CONTRIBUTING.md, "How to commit")\n`);
    return 1;
  }
  process.stdout.write(`${count} commits: every subject at most ${MAX_SUBJECT} characters, every one with a body\n`);
  return 0;
}

process.exitCode = main();
