import { useState, type FormEvent } from 'react';
import { organisationName, useOrganisations, type Organisation } from '../api/organisations';
import { useSession } from '../api/session';
import { useMutation, useQuery } from '../api/use-query';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage, Loading, Notice } from '../components/status';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';

interface ApiKey {
  id: string;
  prefix: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  organisation: { id: string; name: string };
}

const KEYS = `query ConsoleApiKeys($includeRevoked: Boolean!) {
  apiKeys(includeRevoked: $includeRevoked, first: 100) { edges { node { id prefix name scopes createdAt lastUsedAt revokedAt organisation { id name } } } }
}`;
const CREATE_KEY = `mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix } } }`;
const REVOKE_KEY = `mutation ConsoleRevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const SUBGRAPHS = `query ConsoleOwners { subgraphs { name routingUrl ownerOrganisationId } }`;
const SET_OWNER = `mutation ConsoleSetOwner($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name ownerOrganisationId } }`;

export function AccessPage() {
  const { t } = useI18n();
  const { caller } = useSession();
  const organisations = useOrganisations();
  return (
    <>
      <h1>{t('access.title')}</h1>
      {organisations.error && <ErrorMessage error={organisations.error} onRetry={organisations.reload} />}
      <ApiKeys organisations={organisations.list} />
      {caller.admin && <Owners organisations={organisations.list} />}
      <OrganisationList
        organisations={caller.admin ? organisations.list : organisations.list.filter((o) => o.id === caller.organisationId)}
      />
    </>
  );
}

function ApiKeys({ organisations }: { organisations: Organisation[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { gateway, caller } = useSession();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const keys = useQuery<{ apiKeys: { edges: { node: ApiKey }[] } }>(gateway, KEYS, { includeRevoked });
  const create = useMutation<{ createApiKey: { key: string; apiKey: { prefix: string } } }, { input: Record<string, string> }>(
    gateway,
    CREATE_KEY,
  );
  const revoke = useMutation<{ revokeApiKey: { id: string } }, { id: string }>(gateway, REVOKE_KEY);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [form, setForm] = useState({ organisation: '', name: '', scope: '' });
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    if (await create.run({ input: form })) keys.reload();
  };
  const list = keys.data?.apiKeys.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('access.keys')}</h2>
      <label className="inline">
        <input type="checkbox" checked={includeRevoked} onChange={(event) => setIncludeRevoked(event.target.checked)} />{' '}
        {t('access.showRevoked')}
      </label>
      {keys.loading && !keys.data && <Loading />}
      {keys.error && <ErrorMessage error={keys.error} onRetry={keys.reload} />}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="api-keys">
            <TableHead
              columns={[
                'access.keyPrefix',
                'access.keyName',
                'access.keyOrg',
                'access.keyScopes',
                'access.keyCreated',
                'access.keyLastUsed',
                'access.keyRevoked',
                caller.admin && { key: 'access.revoke', hidden: true },
              ]}
            />
            <tbody>
              {list.map((key) => (
                <tr key={key.id} data-key={key.prefix}>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.name}</td>
                  <td>{key.organisation.name}</td>
                  <td>{key.scopes.join(' ')}</td>
                  <td>{i18n.date(key.createdAt)}</td>
                  <td>{i18n.date(key.lastUsedAt)}</td>
                  <td>{i18n.date(key.revokedAt)}</td>
                  {caller.admin && (
                    <td>
                      {!key.revokedAt && (
                        <button type="button" className="danger" onClick={() => setRevoking(key)}>
                          {t('access.revoke')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('access.revoke')}
          confirmLabel={t('access.revoke')}
          busy={revoke.running}
          onCancel={() => setRevoking(null)}
          onConfirm={async () => {
            if (await revoke.run({ id: revoking.id })) {
              setRevoking(null);
              keys.reload();
            }
          }}
        >
          <p>{t('access.revokeConfirm', { prefix: revoking.prefix })}</p>
          {revoke.error && <ErrorMessage error={revoke.error} />}
        </ConfirmDialog>
      )}
      {caller.admin && (
        <form className="card" onSubmit={issue} aria-labelledby="issue-title">
          <h3 id="issue-title">{t('access.issue')}</h3>
          <label htmlFor="key-organisation">{t('access.issueFor')}</label>
          <select
            id="key-organisation"
            value={form.organisation}
            required
            onChange={(event) => setForm({ ...form, organisation: event.target.value })}
          >
            <option value="" />
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <label htmlFor="key-name">{t('access.issueName')}</label>
          <input id="key-name" value={form.name} required onChange={(event) => setForm({ ...form, name: event.target.value })} />
          <label htmlFor="key-scope">{t('access.issueScopes')}</label>
          <input id="key-scope" value={form.scope} required onChange={(event) => setForm({ ...form, scope: event.target.value })} />
          <button type="submit" disabled={create.running}>
            {t('access.issueSubmit')}
          </button>
          {create.error && <ErrorMessage error={create.error} />}
          {create.data && (
            <div className="issued" role="status">
              <p>{t('access.issued')}</p>
              <output className="secret">{create.data.createApiKey.key}</output>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

function Owners({ organisations }: { organisations: Organisation[] }) {
  const { t } = useI18n();
  const { registry } = useSession();
  const subgraphs = useQuery<{ subgraphs: { name: string; routingUrl: string; ownerOrganisationId: string | null }[] }>(
    registry,
    SUBGRAPHS,
  );
  const save = useMutation<{ registerSubgraph: { name: string; ownerOrganisationId: string | null } }, { input: Record<string, unknown> }>(
    registry,
    SET_OWNER,
  );
  const [choice, setChoice] = useState<Record<string, string>>({});
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return (
    <section aria-labelledby="owners-title">
      <h2 id="owners-title">{t('access.owners')}</h2>
      {subgraphs.error && <ErrorMessage error={subgraphs.error} onRetry={subgraphs.reload} />}
      {save.error && <ErrorMessage error={save.error} />}
      {save.data && (
        <Notice>
          {t('access.ownerSaved', {
            name: save.data.registerSubgraph.name,
            owner: organisationName(byId, save.data.registerSubgraph.ownerOrganisationId, t('owner.platform')),
          })}
        </Notice>
      )}
      <ul className="owners">
        {(subgraphs.data?.subgraphs ?? []).map((s) => {
          const value = choice[s.name] ?? s.ownerOrganisationId ?? '';
          return (
            <li key={s.name}>
              <form
                className="inline-form"
                onSubmit={async (event) => {
                  event.preventDefault();
                  if (await save.run({ input: { name: s.name, routingUrl: s.routingUrl, ownerOrganisationId: value || null } }))
                    subgraphs.reload();
                }}
              >
                <label htmlFor={`owner-${s.name}`}>{t('access.ownerOf', { name: s.name })}</label>
                <select id={`owner-${s.name}`} value={value} onChange={(event) => setChoice({ ...choice, [s.name]: event.target.value })}>
                  <option value="">{t('owner.platform')}</option>
                  {organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <button type="submit" disabled={save.running}>
                  {t('access.saveOwner')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function OrganisationList({ organisations }: { organisations: Organisation[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="organisations-title">
      <h2 id="organisations-title">{t('access.organisations')}</h2>
      <div className="table-scroll">
        <table className="organisations">
          <TableHead columns={['access.orgName', 'access.orgKind']} />
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {o.acronym ? ` (${o.acronym})` : ''}
                </td>
                <td>{o.kind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
