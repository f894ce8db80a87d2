import { GraphQLError } from 'graphql';
import { badInput, notFound, PeaceGraphError } from '../src/errors/errors';
import { MAX_LISTED, Problems, problemsError } from '../src/input/problems';
import { requiredName, wholeNumber } from '../src/input/text';
import { problemsOf } from '../src/testing/refusal';

function thrown(run: () => void): PeaceGraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof PeaceGraphError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('every problem of an input at once', () => {
  it('returns the values of rules that pass and throws nothing when none refuses', () => {
    const problems = new Problems();
    expect(problems.check('input.name', () => requiredName('input.name', '  Kéniéba   placer ', 'The name'))).toBe('Kéniéba placer');
    expect(problems.check('input.men', () => wholeNumber('input.men', 0, 'Men'))).toBe(0);
    expect(problems.any).toBe(false);
    expect(() => problems.throwIfAny()).not.toThrow();
  });

  it('lists every refusal in one BAD_USER_INPUT, the first as extensions.field', () => {
    const problems = new Problems();
    expect(problems.check('input.name', () => requiredName('input.name', '   ', 'The name'))).toBeUndefined();
    problems.check('input.men', () => wholeNumber('input.men', -1, 'Men'));
    problems.check('input.women', () => wholeNumber('input.women', 2 ** 31, 'Women'));
    problems.add('input.heldOn', 'The date 2021-13-01 does not exist');
    const error = thrown(() => problems.throwIfAny());
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.name');
    expect(error.extensions.problems).toEqual([
      { field: 'input.name', message: 'The name cannot be empty' },
      { field: 'input.men', message: 'Men cannot be negative (got -1)' },
      { field: 'input.women', message: 'Women cannot be more than 100000 (got 2147483648)' },
      { field: 'input.heldOn', message: 'The date 2021-13-01 does not exist' },
    ]);
    expect(error.message).toBe(
      '4 problems in the input: input.name: The name cannot be empty; input.men: Men cannot be negative (got -1); ' +
        'input.women: Women cannot be more than 100000 (got 2147483648); input.heldOn: The date 2021-13-01 does not exist',
    );
  });

  it('keeps a single problem exactly as badInput throws it', () => {
    const problems = new Problems();
    problems.check('input.name', () => requiredName('input.name', '', 'The name'));
    const error = thrown(() => problems.throwIfAny());
    expect(error.message).toBe('The name cannot be empty');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it("names a refusal by the rule's own field (an item of a list), else by the checked field", () => {
    const problems = new Problems();
    problems.check('input.areas', () => {
      throw badInput('input.areas.3', 'No admin area with P-code "ML99"');
    });
    problems.check('input.title', () => {
      throw new PeaceGraphError('BAD_USER_INPUT', 'no field named');
    });
    expect(problems.list.map((p) => p.field)).toEqual(['input.areas.3', 'input.title']);
    expect(problems.has('input.areas')).toBe(true);
    expect(problems.has('input.area')).toBe(false);
    expect(problems.has('input.title')).toBe(true);
  });

  it('awaits rules that ask the directory or the database', async () => {
    const problems = new Problems();
    const place = await problems.check('input.community', () => Promise.reject(badInput('input.community', 'No community with id "x"')));
    const kept = await problems.check('input.site', () => Promise.resolve('site-1'));
    expect(place).toBeUndefined();
    expect(kept).toBe('site-1');
    expect(thrown(() => problems.throwIfAny()).extensions.field).toBe('input.community');
  });

  it('flattens a refusal that already lists problems', () => {
    const inner = new Problems();
    inner.add('input.a', 'A');
    inner.add('input.b', 'B');
    const outer = new Problems();
    outer.check('input', () => inner.throwIfAny());
    outer.add('id', 'C');
    expect(thrown(() => outer.throwIfAny()).extensions.problems).toEqual([
      { field: 'input.a', message: 'A' },
      { field: 'input.b', message: 'B' },
      { field: 'id', message: 'C' },
    ]);
  });

  it("rethrows what is not the caller's mistake at once", async () => {
    const problems = new Problems();
    expect(() =>
      problems.check('input.x', () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    expect(() =>
      problems.check('id', () => {
        throw notFound('Cohort', 'x');
      }),
    ).toThrow(/No Cohort/);
    expect(() =>
      problems.check('id', () => {
        throw new GraphQLError('plain');
      }),
    ).toThrow('plain');
    await expect(problems.check('input.x', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(problems.any).toBe(false);
  });

  it(`lists at most ${MAX_LISTED} of very many problems and counts the rest`, () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ field: `input.items.${i}`, message: 'Bad' }));
    const error = problemsError(many);
    expect((error.extensions.problems as unknown[]).length).toBe(MAX_LISTED);
    expect(error.message).toMatch(/^10000 problems in the input: /);
    expect(error.message).toMatch(/; and 9950 more$/);
  });
});

describe('Problems.done', () => {
  it('returns the checked values when nothing was refused, and throws them all otherwise', () => {
    const ok = new Problems();
    const values = ok.done({
      name: ok.check('input.name', () => requiredName('input.name', 'Kayes', 'The name')),
      men: 0 as number | null,
    });
    expect(values).toEqual({ name: 'Kayes', men: 0 });
    const bad = new Problems();
    const attempt = () =>
      bad.done({
        name: bad.check('input.name', () => requiredName('input.name', '\u200B', 'The name')),
        men: bad.check('input.men', () => wholeNumber('input.men', -3, 'Men')),
      });
    expect(thrown(attempt).extensions.problems).toEqual([
      { field: 'input.name', message: 'The name cannot be empty' },
      { field: 'input.men', message: 'Men cannot be negative (got -3)' },
    ]);
  });
});

describe('details of a refusal', () => {
  it('keeps what a rule added to its refusal, alone or among others', () => {
    const one = new Problems();
    one.check('input.status', () => {
      throw badInput('input.status', 'PENDING cannot follow PENDING', { status: 'PENDING', allowedStatuses: ['IN_PROGRESS'] });
    });
    expect(thrown(() => one.throwIfAny()).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.status',
      status: 'PENDING',
      allowedStatuses: ['IN_PROGRESS'],
    });
    one.add('input.evidence', 'The evidence cannot be empty');
    expect(thrown(() => one.throwIfAny()).extensions.problems).toEqual([
      { field: 'input.status', message: 'PENDING cannot follow PENDING', status: 'PENDING', allowedStatuses: ['IN_PROGRESS'] },
      { field: 'input.evidence', message: 'The evidence cannot be empty' },
    ]);
  });
});

describe('problemsOf, what a test reads of such a refusal', () => {
  // A refusal as a caller receives it: the error's message and extensions, as JSON.
  const received = (error: PeaceGraphError) => [
    JSON.parse(JSON.stringify({ message: error.message, extensions: error.extensions })) as {
      message: string;
      extensions: Record<string, unknown>;
    },
  ];
  const several = problemsError([
    { field: 'input.name', message: 'The name cannot be empty' },
    { field: 'input.men', message: 'Men must be a whole number' },
  ]);

  it('gives each field and message in order', () => {
    expect(problemsOf(received(several))).toEqual([
      ['input.name', 'The name cannot be empty'],
      ['input.men', 'Men must be a whole number'],
    ]);
  });

  it('fails on a single refusal, another code, several errors or a refusal that does not name its list', () => {
    const [listed] = received(several);
    expect(() => problemsOf(undefined)).toThrow(/one BAD_USER_INPUT/);
    expect(() => problemsOf(received(badInput('input.name', 'The name cannot be empty')))).toThrow(/one BAD_USER_INPUT/);
    expect(() => problemsOf(received(notFound('Forum', 'x')))).toThrow(/one BAD_USER_INPUT/);
    expect(() => problemsOf([listed!, listed!])).toThrow(/one BAD_USER_INPUT/);
    expect(() => problemsOf([{ ...listed!, message: 'Bad input' }])).toThrow(/does not name its problems/);
    expect(() => problemsOf([{ ...listed!, extensions: { ...listed!.extensions, field: 'input.men' } }])).toThrow(
      /does not name its problems/,
    );
  });
});
