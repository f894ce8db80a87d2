import { cacheHintOf } from '../src/cache-hint';

/** A subgraph's Cache-Control read as Apollo's data source read it before the gateway had its own client. */
describe('cacheHintOf', () => {
  it('no header, or no max-age: not cacheable', () => {
    expect(cacheHintOf(undefined)).toEqual({ maxAge: 0 });
    expect(cacheHintOf('')).toEqual({ maxAge: 0 });
    expect(cacheHintOf('no-store')).toEqual({ maxAge: 0 });
  });

  it('a whole max-age, quoted or not, with its scope', () => {
    expect(cacheHintOf('max-age=60, public')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(cacheHintOf('private , max-age = "30"')).toEqual({ maxAge: 30, scope: 'PRIVATE' });
  });

  it('a max-age that is not a whole number counts as 0; public wins over private, as in Apollo', () => {
    expect(cacheHintOf('max-age=1.5')).toEqual({ maxAge: 0 });
    expect(cacheHintOf('max-age=-1, private, public')).toEqual({ maxAge: 0, scope: 'PUBLIC' });
  });
});
