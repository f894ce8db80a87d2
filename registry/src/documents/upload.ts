import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { apiSchemaOf } from '@peacegraph/kit/composition';
import { forbidden, notFound } from '@peacegraph/kit/errors';
import type { Actor } from '../access';
import { PerComposition } from '../console/field-map';
import { recordAction } from '../store/audit';
import { findClientApplication, type ClientApplicationRecord } from '../store/clients';
import { findComposition, liveLaunch } from '../store/compositions';
import { listDocuments, upsertDocuments } from '../store/documents';
import { checkManifest } from './manifest';

export interface UploadResult {
  clientApplication: ClientApplicationRecord;
  /** Documents stored for the first time. */
  added: number;
  /** Documents the client already had (uploaded again: their last upload is now). */
  unchanged: number;
  documentIds: string[];
}

/** A client application's trusted documents: uploads checked against the live API schema, and reads. */
export class PersistedDocuments {
  // The API schema of a composition never changes: built once per composition.
  private readonly schemas = new PerComposition<GraphQLSchema>(4);

  constructor(private readonly db: DataSource) {}

  async upload(clientApplicationId: string, documents: readonly { id: string; body: string }[], actor: Actor): Promise<UploadResult> {
    const client = await this.ownedClient(clientApplicationId, actor, 'upload its persisted documents');
    const checked = checkManifest(documents, await this.liveApiSchema());
    return this.db.transaction(async (tx) => {
      const added = await upsertDocuments(tx, client.id, checked, actor);
      await recordAction(tx, actor, 'documents.upload', client.id, { client: client.name, documents: checked.length, added });
      return { clientApplication: client, added, unchanged: checked.length - added, documentIds: checked.map((d) => d.id) };
    });
  }

  async list(clientApplicationId: string, first: number, after: string | null, actor: Actor) {
    const client = await this.ownedClient(clientApplicationId, actor, 'read its persisted documents');
    return listDocuments(this.db, client.id, first, after);
  }

  /** A client's documents are its organisation's (and admins'): they are what its app may run when trusted-only. */
  private async ownedClient(id: string, actor: Actor, what: string): Promise<ClientApplicationRecord> {
    const client = await findClientApplication(this.db, id);
    if (!client) throw notFound('ClientApplication', id);
    if (!actor.admin && client.ownerOrganisationId !== actor.organisationId)
      throw forbidden(`Only the organisation that owns the client application "${client.name}" (or an admin) may ${what}`);
    return client;
  }

  private async liveApiSchema(): Promise<GraphQLSchema | undefined> {
    const launch = await liveLaunch(this.db);
    if (!launch) return undefined;
    return this.schemas.of(launch.compositionId, async () =>
      apiSchemaOf((await findComposition(this.db, launch.compositionId))!.supergraphSdl),
    );
  }
}
