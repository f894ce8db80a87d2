"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createRepositories = createRepositories;
var admin_area_repository_1 = require("./admin-area-repository");
var community_repository_1 = require("./community-repository");
var country_repository_1 = require("./country-repository");
var language_repository_1 = require("./language-repository");
var organisation_repository_1 = require("./organisation-repository");
function createRepositories(dataSource) {
    return {
        adminAreas: new admin_area_repository_1.AdminAreaRepository(dataSource),
        communities: new community_repository_1.CommunityRepository(dataSource),
        countries: new country_repository_1.CountryRepository(dataSource),
        languages: new language_repository_1.LanguageRepository(dataSource),
        organisations: new organisation_repository_1.OrganisationRepository(dataSource),
    };
}
