import type {
  ForumTopic,
  ParticipantCategory,
  RecommendationAddressee,
  RecommendationStatus,
  RecommendationTheme,
  TestimonyAgeGroup,
} from '../common/values';

/**
 * Demo forums, written by us in the style of what a fund convening community forums against violent
 * extremism reports: a national forum in Bamako with delegations from Burkina Faso and Niger, its
 * working groups, testimonies, declaration and recommendations on every theme, and a year of follow-up;
 * and a local forum in Douentza whose declaration is still a draft. No person is named anywhere:
 * speakers are described by role, age group and region; recipients and addressees are offices.
 */
export const DEMO_OWNER_ORGANISATION_ID = '00000000-0000-4000-8000-000000000004'; // Community Resilience Fund
export const ECOWAS_COMMISSION_ID = '00000000-0000-4000-8000-000000000007';
export const RECONCILIATION_MINISTRY_ID = '00000000-0000-4000-8000-000000000008';
export const PEACE_COMMISSIONS_NETWORK_ID = '00000000-0000-4000-8000-000000000003';

/**
 * The directory's demo communities have fixed ids, 00000000-0000-4000-a000-0000000000NN, NN being the
 * 1-based position in its DEMO_COMMUNITIES (a test checks that Douentza still sits at 7).
 */
export function demoCommunityId(position: number): string {
  return `00000000-0000-4000-a000-${String(position).padStart(12, '0')}`;
}
export const DOUENTZA_POSITION = 7;

type Counts = Partial<Record<ParticipantCategory, [women: number, men: number]>>;

export interface DemoTestimony {
  key: string;
  topic: ForumTopic | null;
  language: 'fra' | 'eng';
  text: string;
  speakerRole: ParticipantCategory;
  speakerAgeGroup: TestimonyAgeGroup;
  speakerRegion: string;
  givenOn: string;
  consent: boolean;
  publishedOn: string | null;
}

export interface DemoRecommendation {
  theme: RecommendationTheme;
  addressee: RecommendationAddressee;
  addresseeName?: string;
  addresseeOrganisation?: string;
  addressedArea?: string;
  addressedCommunity?: string;
  fr: string;
  en: string;
  followUps: {
    status: Exclude<RecommendationStatus, 'PENDING'>;
    reportedOn: string;
    evidence: string;
    evidenceUrl?: URL;
    reporter: string;
    reportingOrganisation?: string;
  }[];
}

export interface DemoForum {
  key: string;
  title: string;
  scope: 'LOCAL' | 'NATIONAL' | 'REGIONAL';
  startsOn: string;
  endsOn: string;
  venue: { adminArea?: string; community?: string; name?: string };
  convenors: string[];
  coConvenors: string[];
  countriesRepresented: string[];
  participants: Counts;
  origins: { region: string; participants: number }[];
  workingGroups: { topic: ForumTopic; otherTopic?: string; facilitator?: string; keyFindings: string[] }[];
  testimonies: DemoTestimony[];
  declaration: {
    title: string;
    titleEn: string | null;
    adoptedOn: string;
    publishedOn: string | null;
    fr: string;
    en: string | null;
    drafters: { role: string; organisation?: string }[];
    recipients: { recipient: string; organisation?: string; deliveredOn?: string; deliveryNote?: string }[];
    recommendations: DemoRecommendation[];
  };
}

const FOLLOW_UP_COMMITTEE = 'Comité de suivi du forum national';

const BAMAKO_DECLARATION_FR = `Nous, représentantes et représentants des communautés affectées par l’extrémisme violent, jeunes, femmes, autorités traditionnelles et religieuses, personnes déplacées internes, victimes, agents communautaires et organisations locales du Mali, avec les délégations du Burkina Faso et du Niger, réunis à Bamako du 18 au 20 novembre 2025,

Constatant que l’insécurité, la compétition pour la terre et l’eau, l’absence de services publics et le manque d’emplois pour les jeunes nourrissent le recrutement par les groupes armés ;

Reconnaissant que la réconciliation entre communautés et la cohésion sociale ne se décrètent pas mais se construisent par le dialogue, la justice et le partage équitable des ressources ;

Saluant l’engagement des autorités de la Transition, de la Commission de la CEDEAO et des partenaires à écouter la parole des communautés ;

Nous engageons à porter les recommandations ci-dessous dans nos villages, nos quartiers et nos régions, et à en suivre la mise en œuvre année après année ;

Demandons aux autorités nationales, aux collectivités territoriales, aux forces de défense et de sécurité, aux organisations régionales, aux médias et aux partenaires techniques et financiers de les mettre en œuvre et d’en rendre compte publiquement.

Fait à Bamako, le 20 novembre 2025.`;

const BAMAKO_DECLARATION_EN = `We, the representatives of communities affected by violent extremism — young people, women, traditional and religious authorities, internally displaced persons, victims, community workers and local organisations of Mali, with the delegations of Burkina Faso and Niger — gathered in Bamako from 18 to 20 November 2025,

Noting that insecurity, competition for land and water, the absence of public services and the lack of jobs for young people feed recruitment by armed groups;

Recognising that reconciliation between communities and social cohesion cannot be decreed but are built through dialogue, justice and the fair sharing of resources;

Welcoming the commitment of the Transition authorities, the ECOWAS Commission and partners to listen to the voice of communities;

Commit to carry the recommendations below to our villages, neighbourhoods and regions, and to follow their implementation year after year;

Call on national authorities, local governments, defence and security forces, regional organisations, the media and technical and financial partners to implement them and to report on them publicly.

Done in Bamako, 20 November 2025.`;

export const DEMO_FORUMS: DemoForum[] = [
  {
    key: 'bamako-2025',
    title: 'Forum national des communautés sur la prévention de l’extrémisme violent',
    scope: 'NATIONAL',
    startsOn: '2025-11-18',
    endsOn: '2025-11-20',
    venue: { adminArea: 'ML0901', name: 'Centre international de conférences de Bamako' },
    convenors: [DEMO_OWNER_ORGANISATION_ID, RECONCILIATION_MINISTRY_ID],
    coConvenors: [ECOWAS_COMMISSION_ID],
    countriesRepresented: ['ML', 'BF', 'NE'],
    participants: {
      YOUTH: [38, 52],
      TRADITIONAL_COMMUNITY_LEADERS: [3, 24],
      INTERNALLY_DISPLACED_PERSONS: [14, 9],
      VICTIMS_OF_MODERN_SLAVERY: [3, 4],
      VICTIMS_OF_VIOLENT_EXTREMIST_GROUPS: [11, 8],
      ETHNIC_SELF_DEFENCE_GROUPS: [0, 6],
      COMMUNITY_WORKERS: [12, 10],
      LOCAL_ORGANISATIONS: [15, 13],
      GOVERNMENT_OFFICIALS: [6, 19],
      DONORS: [4, 5],
      REGIONAL_YOUTH_AMBASSADORS_FOR_PEACE: [5, 5],
      WOMENS_GROUPS: [27, 0],
      RELIGIOUS_LEADERS: [0, 12],
      DELEGATIONS: [7, 13],
    },
    origins: [
      { region: 'ML05', participants: 62 },
      { region: 'ML09', participants: 48 },
      { region: 'ML04', participants: 33 },
      { region: 'ML07', participants: 29 },
      { region: 'ML06', participants: 21 },
      { region: 'ML02', participants: 20 },
      { region: 'ML03', participants: 17 },
      { region: 'ML10', participants: 9 },
      { region: 'BF56', participants: 11 },
      { region: 'BF54', participants: 4 },
      { region: 'NE006', participants: 10 },
    ],
    workingGroups: [
      {
        topic: 'LAND_AND_NATURAL_RESOURCE_MANAGEMENT',
        facilitator: PEACE_COMMISSIONS_NETWORK_ID,
        keyFindings: [
          'Les conflits entre agriculteurs et éleveurs se durcissent là où les couloirs de transhumance ne sont plus balisés.',
          'Les commissions foncières villageoises existent sur le papier mais se réunissent rarement.',
        ],
      },
      {
        topic: 'INTERETHNIC_COHESION',
        facilitator: RECONCILIATION_MINISTRY_ID,
        keyFindings: [
          'La stigmatisation de communautés entières pour les actes de quelques-uns alimente la méfiance et l’autodéfense.',
          'Les foires, les mariages et les marchés communs restent les lieux où le lien se renoue.',
        ],
      },
      {
        topic: 'GOOD_GOVERNANCE',
        facilitator: DEMO_OWNER_ORGANISATION_ID,
        keyFindings: ['L’absence de l’État dans les zones rurales laisse la place aux groupes armés qui rendent une justice expéditive.'],
      },
      {
        topic: 'ROLE_OF_THE_MEDIA',
        keyFindings: ['Les radios communautaires sont écoutées partout mais diffusent parfois des rumeurs qui attisent les tensions.'],
      },
      {
        topic: 'SOCIO_ECONOMIC_OPPORTUNITIES',
        facilitator: ECOWAS_COMMISSION_ID,
        keyFindings: [
          'Le chômage des jeunes et la fermeture des marchés ruraux rendent les offres des groupes armés attractives.',
          'Les femmes déplacées manquent d’accès au crédit pour reprendre une activité.',
        ],
      },
      {
        topic: 'OTHER',
        otherTopic: 'Retour et réintégration des personnes déplacées',
        facilitator: DEMO_OWNER_ORGANISATION_ID,
        keyFindings: ['Le retour n’est durable que si la sécurité, l’école et la santé reviennent en même temps que les familles.'],
      },
    ],
    testimonies: [
      {
        key: 'land-youth',
        topic: 'LAND_AND_NATURAL_RESOURCE_MANAGEMENT',
        language: 'fra',
        text: 'Dans notre commune, les champs au bord du fleuve sont disputés chaque saison. Quand la commission foncière s’est réunie avec les éleveurs, nous avons pu tracer ensemble un passage pour les troupeaux. Depuis, il n’y a plus eu de bagarre au moment des récoltes.',
        speakerRole: 'YOUTH',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'ML05',
        givenOn: '2025-11-18',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'land-elder',
        topic: 'LAND_AND_NATURAL_RESOURCE_MANAGEMENT',
        language: 'fra',
        text: 'Autrefois, les chefs de village et les chefs de campement se rencontraient avant l’hivernage pour fixer les dates de passage. Il faut rétablir cette concertation : c’est elle qui évitait les conflits sur l’eau et les pâturages.',
        speakerRole: 'TRADITIONAL_COMMUNITY_LEADERS',
        speakerAgeGroup: 'ELDER',
        speakerRegion: 'ML04',
        givenOn: '2025-11-18',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'cohesion-woman',
        topic: 'INTERETHNIC_COHESION',
        language: 'fra',
        text: 'Les femmes des deux communautés ont recommencé à se retrouver au marché hebdomadaire. C’est là que la réconciliation a commencé, bien avant les discours. Nous demandons que ces marchés soient protégés.',
        speakerRole: 'WOMENS_GROUPS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'ML05',
        givenOn: '2025-11-19',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'cohesion-victim',
        topic: 'INTERETHNIC_COHESION',
        language: 'fra',
        text: 'Après l’attaque de notre village, nous avons perdu nos biens et plusieurs proches. Je ne veux pas que l’on accuse toute une communauté : ceux qui nous ont attaqués ne parlent pas pour elle. Mais sans justice, il est difficile de pardonner.',
        speakerRole: 'VICTIMS_OF_VIOLENT_EXTREMIST_GROUPS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'ML07',
        givenOn: '2025-11-19',
        consent: false,
        publishedOn: null,
      },
      {
        key: 'governance-official',
        topic: 'GOOD_GOVERNANCE',
        language: 'fra',
        text: 'Beaucoup de mairies ne fonctionnent plus depuis que les agents sont partis. Les habitants vont chercher justice auprès de ceux qui ont des armes. Le retour des services publics est la première mesure de prévention.',
        speakerRole: 'GOVERNMENT_OFFICIALS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'ML06',
        givenOn: '2025-11-19',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'governance-slavery',
        topic: 'GOOD_GOVERNANCE',
        language: 'fra',
        text: 'Dans notre zone, on nous refuse encore la terre et la parole à cause de notre ascendance. Tant que cette discrimination ne sera pas punie, des jeunes chercheront ailleurs quelqu’un qui les défende.',
        speakerRole: 'VICTIMS_OF_MODERN_SLAVERY',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'ML01',
        givenOn: '2025-11-19',
        consent: false,
        publishedOn: null,
      },
      {
        key: 'media-ambassador',
        topic: 'ROLE_OF_THE_MEDIA',
        language: 'eng',
        text: 'In our region we trained young radio hosts to check a rumour before putting it on air. After a false report about an attack on a market, their programme calmed the town within a day. Community radio can spread fear or reconciliation: it depends on who holds the microphone.',
        speakerRole: 'REGIONAL_YOUTH_AMBASSADORS_FOR_PEACE',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'NE006',
        givenOn: '2025-11-19',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'jobs-youth',
        topic: 'SOCIO_ECONOMIC_OPPORTUNITIES',
        language: 'fra',
        text: 'On nous propose de l’argent pour transporter des marchandises sans poser de questions. Si les périmètres maraîchers étaient réhabilités, nous aurions du travail près de chez nous et personne ne pourrait nous acheter.',
        speakerRole: 'YOUTH',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'ML07',
        givenOn: '2025-11-19',
        consent: true,
        publishedOn: null,
      },
      {
        key: 'jobs-delegation',
        topic: 'SOCIO_ECONOMIC_OPPORTUNITIES',
        language: 'fra',
        text: 'Au Sahel burkinabè, les marchés à bétail ont fermé les uns après les autres. Les éleveurs vendent à perte et les jeunes partent. La réouverture des marchés sous protection a redonné du travail à des centaines de familles.',
        speakerRole: 'DELEGATIONS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'BF56',
        givenOn: '2025-11-20',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'return-displaced',
        topic: 'OTHER',
        language: 'fra',
        text: 'Nous voulons rentrer, mais l’école est fermée et le centre de santé a été pillé. Nos enfants ne connaissent plus le village. Le retour doit être préparé avec nous, pas décidé à notre place.',
        speakerRole: 'INTERNALLY_DISPLACED_PERSONS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'ML05',
        givenOn: '2025-11-20',
        consent: true,
        publishedOn: '2025-12-05',
      },
      {
        key: 'return-self-defence',
        topic: 'OTHER',
        language: 'fra',
        text: 'J’ai pris les armes pour protéger mon village quand personne ne venait. Aujourd’hui je veux les déposer, mais j’ai peur de ce qui arrivera à ma famille si je le fais seul.',
        speakerRole: 'ETHNIC_SELF_DEFENCE_GROUPS',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'ML05',
        givenOn: '2025-11-20',
        consent: false,
        publishedOn: null,
      },
    ],
    declaration: {
      title: 'Déclaration de Bamako pour la paix et la cohésion sociale',
      titleEn: 'Bamako Declaration for Peace and Social Cohesion',
      adoptedOn: '2025-11-20',
      publishedOn: '2025-11-28',
      fr: BAMAKO_DECLARATION_FR,
      en: BAMAKO_DECLARATION_EN,
      drafters: [
        { role: 'Comité de rédaction : rapporteurs des six groupes de travail' },
        { role: 'Représentantes des groupements de femmes' },
        { role: 'Ambassadeurs régionaux de la jeunesse pour la paix' },
        { role: 'Secrétariat du forum', organisation: DEMO_OWNER_ORGANISATION_ID },
      ],
      recipients: [
        {
          recipient: 'Chef du gouvernement de la Transition',
          deliveredOn: '2025-12-04',
          deliveryNote: 'Remise en audience à la Primature par une délégation de participants.',
        },
        {
          recipient: 'Ministère de la Réconciliation et de la Cohésion sociale',
          organisation: RECONCILIATION_MINISTRY_ID,
          deliveredOn: '2025-11-28',
        },
        { recipient: 'Commission de la CEDEAO', organisation: ECOWAS_COMMISSION_ID, deliveredOn: '2025-12-15' },
        { recipient: 'Autorité de développement intégré des États du Liptako-Gourma' },
      ],
      recommendations: [
        {
          theme: 'GOVERNANCE',
          addressee: 'GOVERNMENT',
          addresseeName: 'Ministère de l’Administration territoriale',
          addressedArea: 'ML05',
          fr: 'Redéployer les agents de l’État civil et de la justice de proximité dans les communes rurales de la région de Mopti, avec des mesures de protection.',
          en: 'Redeploy civil registry and community justice officers to the rural communes of the Mopti region, with protection measures.',
          followUps: [
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-01-15',
              evidence: 'Plan de redéploiement adopté en conseil des ministres ; premières affectations annoncées.',
              reporter: FOLLOW_UP_COMMITTEE,
            },
            {
              status: 'IMPLEMENTED',
              reportedOn: '2026-06-30',
              evidence: 'Vingt-deux communes de la région disposent à nouveau d’un officier d’état civil présent chaque semaine.',
              reporter: FOLLOW_UP_COMMITTEE,
              reportingOrganisation: RECONCILIATION_MINISTRY_ID,
            },
          ],
        },
        {
          theme: 'GOVERNANCE',
          addressee: 'LOCAL_AUTHORITIES',
          fr: 'Associer les femmes et les jeunes aux commissions foncières villageoises et publier leurs décisions.',
          en: 'Involve women and young people in village land commissions and publish their decisions.',
          followUps: [
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-03-02',
              evidence: 'Circulaire du gouverneur demandant la composition ouverte des commissions.',
              reporter: 'Réseau des organisations locales de Mopti',
            },
          ],
        },
        {
          theme: 'POLITICAL_AND_INSTITUTIONAL_REFORMS',
          addressee: 'HEAD_OF_STATE',
          addresseeName: 'Chef du gouvernement de la Transition',
          fr: 'Inscrire dans la loi la pénalisation de l’esclavage par ascendance et créer un mécanisme d’assistance aux victimes.',
          en: 'Make descent-based slavery a crime in law and create an assistance mechanism for victims.',
          followUps: [
            {
              status: 'REJECTED',
              reportedOn: '2026-04-10',
              evidence: 'Le projet de loi n’a pas été retenu dans le programme législatif de la session.',
              reporter: FOLLOW_UP_COMMITTEE,
            },
          ],
        },
        {
          theme: 'POLITICAL_AND_INSTITUTIONAL_REFORMS',
          addressee: 'GOVERNMENT',
          addresseeOrganisation: RECONCILIATION_MINISTRY_ID,
          fr: 'Instituer un dialogue annuel entre les autorités et les représentants des communautés affectées pour rendre compte de la mise en œuvre de cette déclaration.',
          en: 'Establish a yearly dialogue between the authorities and representatives of affected communities to report on the implementation of this declaration.',
          followUps: [],
        },
        {
          theme: 'EMPLOYMENT',
          addressee: 'TECHNICAL_AND_FINANCIAL_PARTNERS',
          addressedArea: 'ML07',
          fr: 'Financer la réhabilitation des périmètres maraîchers et irrigués en confiant les travaux aux jeunes des communes concernées.',
          en: 'Fund the rehabilitation of market gardens and irrigated plots, giving the work to young people of the communes concerned.',
          followUps: [
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-02-01',
              evidence: 'Deux bailleurs ont inscrit la réhabilitation de quatre périmètres dans leur programmation 2026.',
              reporter: FOLLOW_UP_COMMITTEE,
              reportingOrganisation: DEMO_OWNER_ORGANISATION_ID,
            },
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-05-20',
              evidence: 'Travaux lancés sur deux périmètres ; 140 jeunes recrutés.',
              reporter: 'Coordination régionale de Gao',
            },
          ],
        },
        {
          theme: 'EMPLOYMENT',
          addressee: 'PRIVATE_SECTOR',
          fr: 'Ouvrir des places d’apprentissage aux jeunes déplacés dans les ateliers et les entreprises des villes d’accueil.',
          en: 'Open apprenticeships to young displaced people in the workshops and businesses of host towns.',
          followUps: [],
        },
        {
          theme: 'SECURITY',
          addressee: 'DEFENCE_AND_SECURITY_FORCES',
          addressedArea: 'BF56',
          fr: 'Sécuriser les marchés à bétail et les axes de transhumance transfrontaliers en concertation avec les comités de paix locaux.',
          en: 'Secure livestock markets and cross-border transhumance routes in consultation with local peace committees.',
          followUps: [
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-01-20',
              evidence: 'Réunion de concertation transfrontalière tenue avec les comités de paix.',
              reporter: 'Délégation du Burkina Faso',
            },
            {
              status: 'IMPLEMENTED',
              reportedOn: '2026-09-15',
              evidence: 'Trois marchés à bétail rouverts sous escorte ; calendrier publié.',
              reporter: 'Délégation du Burkina Faso',
            },
          ],
        },
        {
          theme: 'SECURITY',
          addressee: 'REGIONAL_BODIES',
          addresseeOrganisation: ECOWAS_COMMISSION_ID,
          addressedArea: 'NE006',
          fr: 'Mettre en place un mécanisme régional d’alerte précoce associant les communautés frontalières du Liptako-Gourma.',
          en: 'Set up a regional early warning mechanism involving border communities of the Liptako-Gourma.',
          followUps: [],
        },
        {
          theme: 'SOCIAL_COHESION',
          addressee: 'TRADITIONAL_AND_RELIGIOUS_AUTHORITIES',
          addressedCommunity: demoCommunityId(DOUENTZA_POSITION),
          fr: 'Organiser des rencontres intercommunautaires de réconciliation avant chaque saison de transhumance, avec les chefs de village et de campement.',
          en: 'Hold intercommunity reconciliation meetings before each transhumance season, with village and camp leaders.',
          followUps: [
            {
              status: 'IMPLEMENTED',
              reportedOn: '2026-03-15',
              evidence: 'Rencontre tenue à Douentza avec les chefs de village et de campement ; calendrier de passage adopté.',
              reporter: 'Comité de paix de Douentza',
            },
          ],
        },
        {
          theme: 'SOCIAL_COHESION',
          addressee: 'COMMUNITIES',
          fr: 'Refuser la stigmatisation de communautés entières et protéger les marchés hebdomadaires comme lieux de rencontre.',
          en: 'Reject the stigmatisation of whole communities and protect weekly markets as meeting places.',
          followUps: [],
        },
        {
          theme: 'MEDIA',
          addressee: 'MEDIA',
          addresseeName: 'Union des radios et télévisions libres',
          fr: 'Former les animateurs des radios communautaires à vérifier les rumeurs et à couvrir les conflits sans les attiser.',
          en: 'Train community radio hosts to verify rumours and to cover conflicts without inflaming them.',
          followUps: [
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-02-20',
              evidence: 'Premier atelier de formation tenu avec douze radios.',
              reporter: FOLLOW_UP_COMMITTEE,
            },
          ],
        },
        {
          theme: 'MEDIA',
          addressee: 'GOVERNMENT',
          addresseeName: 'Haute autorité de la communication',
          fr: 'Publier chaque année un rapport public sur les discours de haine dans les médias et les réseaux sociaux.',
          en: 'Publish a yearly public report on hate speech in the media and on social networks.',
          followUps: [
            {
              status: 'REJECTED',
              reportedOn: '2026-05-05',
              evidence: 'Réponse écrite : la mission ne relève pas des attributions actuelles de l’autorité.',
              reporter: FOLLOW_UP_COMMITTEE,
            },
            {
              status: 'IN_PROGRESS',
              reportedOn: '2026-10-01',
              evidence: 'Après plaidoyer, un observatoire conjoint a été annoncé avec la société civile.',
              reporter: FOLLOW_UP_COMMITTEE,
            },
          ],
        },
      ],
    },
  },
  {
    key: 'douentza-2026',
    title: 'Forum communal de Douentza sur la cohésion sociale',
    scope: 'LOCAL',
    startsOn: '2026-09-22',
    endsOn: '2026-09-23',
    venue: { community: demoCommunityId(DOUENTZA_POSITION), name: 'Maison des jeunes de Douentza' },
    convenors: [DEMO_OWNER_ORGANISATION_ID],
    coConvenors: [],
    countriesRepresented: ['ML'],
    participants: {
      YOUTH: [9, 14],
      TRADITIONAL_COMMUNITY_LEADERS: [0, 7],
      INTERNALLY_DISPLACED_PERSONS: [6, 3],
      WOMENS_GROUPS: [11, 0],
      RELIGIOUS_LEADERS: [0, 4],
      GOVERNMENT_OFFICIALS: [1, 3],
    },
    origins: [{ region: 'ML05', participants: 55 }],
    workingGroups: [
      {
        topic: 'INTERETHNIC_COHESION',
        keyFindings: ['Les rencontres avant la transhumance ont réduit les incidents, mais les jeunes n’y sont pas associés.'],
      },
    ],
    testimonies: [
      {
        key: 'douentza-youth',
        topic: 'INTERETHNIC_COHESION',
        language: 'fra',
        text: 'Les anciens se parlent de nouveau, mais nous, les jeunes, on ne nous demande pas notre avis. Pourtant c’est nous qui gardons les troupeaux et qui travaillons les champs.',
        speakerRole: 'YOUTH',
        speakerAgeGroup: 'YOUTH',
        speakerRegion: 'ML05',
        givenOn: '2026-09-22',
        consent: true,
        publishedOn: null,
      },
      {
        key: 'douentza-displaced',
        topic: 'INTERETHNIC_COHESION',
        language: 'fra',
        text: 'Nous sommes arrivés il y a deux ans. Les familles d’ici nous ont accueillis, mais la terre manque et les tensions montent à chaque récolte.',
        speakerRole: 'INTERNALLY_DISPLACED_PERSONS',
        speakerAgeGroup: 'ADULT',
        speakerRegion: 'ML05',
        givenOn: '2026-09-23',
        consent: false,
        publishedOn: null,
      },
    ],
    declaration: {
      title: 'Déclaration de Douentza (projet)',
      titleEn: null,
      adoptedOn: '2026-09-23',
      publishedOn: null,
      fr: 'Projet de déclaration des participantes et participants au forum communal de Douentza, en cours de relecture par les chefs de village avant sa publication.',
      en: null,
      drafters: [{ role: 'Rapporteurs du groupe de travail sur la cohésion interethnique' }],
      recipients: [{ recipient: 'Conseil communal de Douentza' }],
      recommendations: [
        {
          theme: 'SOCIAL_COHESION',
          addressee: 'LOCAL_AUTHORITIES',
          addressedCommunity: demoCommunityId(DOUENTZA_POSITION),
          fr: 'Réserver une place aux jeunes dans les rencontres de concertation avant la transhumance.',
          en: 'Give young people a seat in the consultation meetings held before transhumance.',
          followUps: [],
        },
        {
          theme: 'EMPLOYMENT',
          addressee: 'TECHNICAL_AND_FINANCIAL_PARTNERS',
          addressedCommunity: demoCommunityId(DOUENTZA_POSITION),
          fr: 'Aménager des terres pour les familles déplacées en accord avec les propriétaires coutumiers.',
          en: 'Develop land for displaced families in agreement with customary owners.',
          followUps: [],
        },
      ],
    },
  },
];
