import { Kind } from 'graphql';
import { schemaUnderTest } from '@peacegraph/kit/testing';
import * as values from '../src/common/values';
import { IMPLEMENTATION_GROUPINGS, IMPLEMENTATION_INTERVALS } from '../src/statistics/statistics.repository';
import { subgraph } from '../src/subgraph';

const { enumValues, objects, classOf, sensitiveFields } = schemaUnderTest(subgraph.schemaFile);

describe('schema.graphql', () => {
  it.each([
    ['ForumScope', values.FORUM_SCOPES],
    ['ForumParticipantCategory', values.PARTICIPANT_CATEGORIES],
    ['ForumTopic', values.FORUM_TOPICS],
    ['TestimonyAgeGroup', values.TESTIMONY_AGE_GROUPS],
    ['ForumRecommendationTheme', values.RECOMMENDATION_THEMES],
    ['ForumRecommendationAddressee', values.RECOMMENDATION_ADDRESSEES],
    ['ForumRecommendationStatus', values.RECOMMENDATION_STATUSES],
    ['ForumSearchKind', values.SEARCH_KINDS],
    ['ForumImplementationGrouping', IMPLEMENTATION_GROUPINGS],
    ['ForumImplementationInterval', IMPLEMENTATION_INTERVALS],
  ])('enum %s holds the values the rules know', (name, known) => {
    expect(enumValues(name)).toEqual([...known]);
  });

  it('lists the issue’s participant categories, working-group topics and recommendation themes', () => {
    expect(values.PARTICIPANT_CATEGORIES).toHaveLength(14);
    expect(values.FORUM_TOPICS).toHaveLength(6);
    expect(values.RECOMMENDATION_THEMES).toHaveLength(6);
  });

  it('classes as SENSITIVE exactly the text of a testimony as recorded and a facilitator’s name, both nullable', () => {
    const sensitive = sensitiveFields();
    expect(sensitive.filter((field) => !field.nullable)).toEqual([]);
    expect(sensitive.map((field) => field.name)).toEqual(['ForumWorkingGroup.facilitatorName', 'Testimony.recordedText']);
  });

  it('makes every field refused to some callers nullable where anyone may read its parent', () => {
    const refusable = objects
      .filter(
        (type) =>
          classOf(type) === 'public' || type.name.value === 'Query' || ['Community', 'AdminArea', 'Organisation'].includes(type.name.value),
      )
      .flatMap((type) =>
        (type.fields ?? [])
          .filter((f) => ['partner', 'sensitive'].includes(classOf(f) ?? ''))
          .map((f) => ({ name: `${type.name.value}.${f.name.value}`, kind: f.type.kind })),
      );
    expect(refusable.map((f) => f.name).sort()).toEqual([
      'Forum.participants',
      'ForumWorkingGroup.facilitatorName',
      'ForumWorkingGroup.keyFindings',
      'Query.forumParticipation',
      'Query.forumsAuditLog',
      'Testimony.recordedText',
    ]);
    for (const field of refusable) expect([field.name, field.kind]).not.toEqual([field.name, Kind.NON_NULL_TYPE]);
  });

  it('keeps participant counts for partners, and every field added to the directory’s entities nullable', () => {
    const partner = (type: string) => {
      const node = objects.find((o) => o.name.value === type)!;
      return classOf(node) === 'partner' || node.fields!.every((f) => classOf(f) === 'partner');
    };
    for (const type of [
      'ForumParticipants',
      'ForumParticipantGroup',
      'ForumParticipantOrigin',
      'DisclosedCount',
      'ForumParticipation',
      'ForumParticipationRow',
    ]) {
      expect(partner(type)).toBe(true);
    }
    const forum = objects.find((o) => o.name.value === 'Forum')!;
    expect(classOf(forum.fields!.find((f) => f.name.value === 'participants')!)).toBe('partner');
    for (const name of ['Community', 'AdminArea', 'Organisation']) {
      const fields = objects.find((o) => o.name.value === name)!.fields!.filter((f) => !['id', 'pcode'].includes(f.name.value));
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) expect(field.type.kind).not.toBe(Kind.NON_NULL_TYPE);
    }
  });
});
