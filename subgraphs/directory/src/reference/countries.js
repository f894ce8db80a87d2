"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COUNTRIES = void 0;
exports.COUNTRIES = [
    { code: 'ML', alpha3: 'MLI', nameEn: 'Mali', nameFr: 'Mali', officialLanguages: ['fra'], latitude: [10.0, 25.2], longitude: [-12.5, 4.5] },
    { code: 'BF', alpha3: 'BFA', nameEn: 'Burkina Faso', nameFr: 'Burkina Faso', officialLanguages: ['fra'], latitude: [9.2, 15.3], longitude: [-5.7, 2.6] },
    { code: 'NE', alpha3: 'NER', nameEn: 'Niger', nameFr: 'Niger', officialLanguages: ['fra'], latitude: [11.5, 23.7], longitude: [0.0, 16.2] },
    { code: 'SN', alpha3: 'SEN', nameEn: 'Senegal', nameFr: 'Sénégal', officialLanguages: ['fra'], latitude: [12.1, 16.9], longitude: [-17.7, -11.1] },
    { code: 'GM', alpha3: 'GMB', nameEn: 'The Gambia', nameFr: 'Gambie', officialLanguages: ['eng'], latitude: [12.9, 14.0], longitude: [-17.0, -13.6] },
    { code: 'GW', alpha3: 'GNB', nameEn: 'Guinea-Bissau', nameFr: 'Guinée-Bissau', officialLanguages: ['por'], latitude: [10.6, 12.9], longitude: [-16.9, -13.4] },
];
