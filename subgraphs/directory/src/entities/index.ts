import { AdminArea } from './admin-area';
import { Community } from './community';
import { Country } from './country';
import { Language } from './language';
import { Organisation } from './organisation';

export { AdminArea, Community, Country, Language, Organisation };
export const entities = [AdminArea, Community, Country, Language, Organisation];
