import { Kind } from 'graphql';
import { schemaUnderTest } from '@peacegraph/kit/testing';
import * as values from '../src/common/values';
import { subgraph } from '../src/subgraph';

const { enumValues, objects, classOf, sensitiveFields } = schemaUnderTest(subgraph.schemaFile);

describe('schema.graphql', () => {
  it.each([
    ['LegalInstrumentKind', values.LEGAL_INSTRUMENT_KINDS],
    ['ProvisionTopic', values.PROVISION_TOPICS],
    ['EcpfComponent', values.ECPF_COMPONENT_CODES],
    ['MiningSiteKind', values.MINING_SITE_KINDS],
    ['Mineral', values.MINERALS],
    ['MiningChallenge', values.MINING_CHALLENGES],
    ['MiningTrainingKind', values.TRAINING_KINDS],
    ['MiningStakeholderGroup', values.STAKEHOLDER_GROUPS],
    ['PolicyDialogueLevel', values.DIALOGUE_LEVELS],
    ['PolicyCommitmentStatus', values.COMMITMENT_STATUSES],
    ['MediaInterventionKind', values.MEDIA_KINDS],
    ['PublicationKind', values.PUBLICATION_KINDS],
  ])('enum %s holds the values the rules know', (name, known) => {
    expect(enumValues(name)).toEqual([...known]);
  });

  it('classes as SENSITIVE only what was said in a consultation, nullable', () => {
    const sensitive = sensitiveFields();
    expect(sensitive.filter((field) => !field.nullable)).toEqual([]);
    expect(sensitive.map((field) => field.name)).toEqual(['CommunityConsultation.notes']);
  });

  it('publishes the law, media and publications; keeps sites, trainings, dialogues and every count of people for partners', () => {
    const typeClass = (name: string) => classOf(objects.find((o) => o.name.value === name)!);
    for (const name of ['LegalInstrument', 'Provision', 'MediaIntervention', 'Publication', 'EcpfComponentDescription'])
      expect(typeClass(name)).toBe('public');
    for (const name of [
      'MiningSite',
      'CommunityConsultation',
      'MiningTraining',
      'PolicyDialogue',
      'PolicyCommitment',
      'MiningParticipants',
      'DisclosedCount',
      'PeopleTrained',
      'KnowledgeGain',
      'MiningCoverage',
    ]) {
      expect(typeClass(name)).toBe('partner');
    }
  });

  it('has no field for the name of a person who took part', () => {
    const names = objects
      .flatMap((type) => (type.fields ?? []).map((f) => f.name.value))
      .filter((n) => /^(fullName|firstName|lastName|participantName|personName)$/i.test(n));
    expect(names).toEqual([]);
  });

  it('keeps the fields it adds to the directory’s types nullable, so a refusal leaves the public entity intact', () => {
    for (const name of ['Community', 'AdminArea', 'Organisation']) {
      const type = objects.find((o) => o.name.value === name)!;
      for (const field of type.fields ?? []) {
        if (classOf(field) === 'public') continue;
        expect([name, field.name.value, field.type.kind]).toEqual([
          name,
          field.name.value,
          Kind.LIST_TYPE === field.type.kind ? Kind.LIST_TYPE : Kind.NAMED_TYPE,
        ]);
      }
    }
  });
});
