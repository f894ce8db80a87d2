import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { RecordMediaInterventionInput, RecordPublicationInput } from '../generated/resolvers';
import type { MediaIntervention, Publication } from './media.entity';
import { languageToCheck, mediaValues, publicationValues, regionsToCheck } from './media.rules';

const media: RecordMediaInterventionInput = {
  kind: 'RADIO',
  outlet: 'Radio Kledu',
  title: 'The mining code in Bambara',
  language: 'bam',
  releasedOn: '2024-03-01',
  regionsReached: ['ML01', 'ML02'],
};
const publication: RecordPublicationInput = {
  title: 'The mining code, simply',
  kind: 'BOOKLET',
  language: 'fra',
  publishedOn: '2024-03-01',
  copiesPrinted: 500,
  copiesDistributed: 400,
};
const found = <T>(value: T) => ({ found: true as const, value });
const refused = (field: string, message: string) => ({ found: false as const, error: badInput(field, message) });

describe('media intervention rules', () => {
  it('accepts a good intervention once the directory knows its regions and language', () => {
    expect(mediaValues(media, null, { regions: found([]), language: found('bam') })).toEqual({
      kind: 'RADIO',
      outlet: 'Radio Kledu',
      title: 'The mining code in Bambara',
      campaign: null,
      languageCode: 'bam',
      releasedOn: '2024-03-01',
      airings: 1,
      regionsReached: ['ML01', 'ML02'],
      estimatedAudience: null,
    });
  });

  it('refuses null required fields together', () => {
    const input = { ...media, outlet: null, airings: null } as unknown as RecordMediaInterventionInput;
    expect(problemsIn(() => mediaValues(input, null))).toEqual([
      ['input.outlet', 'A media intervention needs its outlet'],
      ['input.airings', 'A media intervention needs its airings'],
    ]);
  });

  it('reports every problem at once, the directory’s answers where their checks stand', () => {
    const input = {
      ...media,
      kind: 'CINEMA',
      title: '',
      airings: 0,
      estimatedAudience: 200_000_000,
      releasedOn: '2999-01-01',
    } as unknown as RecordMediaInterventionInput;
    const loaded = {
      regions: refused('input.regionsReached.1', 'No admin area with P-code "ML02" in the directory'),
      language: refused('input.language', 'Unknown ISO 639-3 language code: bam'),
    };
    expect(problemsIn(() => mediaValues(input, null, loaded)).map(([field]) => field)).toEqual([
      'input.kind',
      'input.regionsReached.1',
      'input.estimatedAudience',
      'input.title',
      'input.language',
      'input.releasedOn',
      'input.airings',
    ]);
  });

  it('wants one to sixty regions, each once, before asking the directory', () => {
    expect(regionsToCheck(media)).toEqual(['ML01', 'ML02']);
    expect(regionsToCheck({ ...media, regionsReached: [] })).toBeNull();
    expect(regionsToCheck({ ...media, regionsReached: ['ML01', 'ML01'] })).toBeNull();
    expect(regionsToCheck({ title: 'Only the title' })).toBeNull();
    expect(refusalOf(() => mediaValues({ ...media, regionsReached: [] }, null, { language: found('bam') }))).toEqual({
      field: 'input.regionsReached',
      message: 'Name at least one region reached',
    });
    const many = Array.from({ length: 61 }, (_, i) => `ML${String(i).padStart(2, '0')}`);
    expect(refusalOf(() => mediaValues({ ...media, regionsReached: many }, null, { language: found('bam') })).message).toBe(
      'At most 60 regions',
    );
  });

  it('keeps what an update leaves out, asking only about a new language', () => {
    const current = {
      ...media,
      languageCode: 'bam',
      campaign: 'Codes',
      airings: 3,
      estimatedAudience: 1000,
    } as unknown as MediaIntervention;
    expect(languageToCheck({ language: 'bam' }, current)).toBeNull();
    expect(languageToCheck({ language: 'fra' }, current)).toBe('fra');
    expect(mediaValues({ title: 'Renamed' }, current)).toMatchObject({
      title: 'Renamed',
      languageCode: 'bam',
      airings: 3,
      campaign: 'Codes',
    });
  });
});

describe('publication rules', () => {
  it('accepts a good publication', () => {
    expect(publicationValues(publication, null, { language: found('fra') })).toEqual({
      title: 'The mining code, simply',
      kind: 'BOOKLET',
      languageCode: 'fra',
      publishedOn: '2024-03-01',
      copiesPrinted: 500,
      copiesDistributed: 400,
    });
  });

  it('reports every problem at once', () => {
    const input = {
      ...publication,
      kind: 'SCROLL',
      copiesPrinted: -1,
      title: ' ',
      publishedOn: '2999-01-01',
    } as unknown as RecordPublicationInput;
    expect(
      problemsIn(() => publicationValues(input, null, { language: refused('input.language', 'Unknown ISO 639-3 language code: fra') })).map(
        ([field]) => field,
      ),
    ).toEqual(['input.kind', 'input.copiesPrinted', 'input.title', 'input.language', 'input.publishedOn']);
  });

  it('distributes no more copies than were printed, blaming the figure that was sent', () => {
    expect(refusalOf(() => publicationValues({ ...publication, copiesDistributed: 600 }, null, { language: found('fra') }))).toEqual({
      field: 'input.copiesDistributed',
      message: '600 copies distributed, but 500 printed',
    });
    const current = { ...publication, languageCode: 'fra', copiesPrinted: 500, copiesDistributed: 400 } as unknown as Publication;
    expect(refusalOf(() => publicationValues({ copiesPrinted: 300 }, current))).toEqual({
      field: 'input.copiesPrinted',
      message: '400 copies distributed, but 300 printed',
    });
  });

  it('refuses null required fields together', () => {
    expect(problemsIn(() => publicationValues({ title: null, language: null }, null))).toEqual([
      ['input.title', 'A publication needs its title'],
      ['input.language', 'A publication needs its language'],
    ]);
  });
});
