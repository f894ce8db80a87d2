"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ALTERNATIVE_NAMES = exports.MAX_NAME_LENGTH = void 0;
exports.cleanName = cleanName;
exports.cleanAlternativeNames = cleanAlternativeNames;
exports.checkCoordinates = checkCoordinates;
var kit_1 = require("@peacegraph/kit");
exports.MAX_NAME_LENGTH = 200;
exports.MAX_ALTERNATIVE_NAMES = 20;
/** Trims a community name and refuses blank or overlong ones. */
function cleanName(field, raw) {
    var name = raw.replace(/\s+/g, ' ').trim();
    if (name === '')
        throw (0, kit_1.badInput)(field, 'The name cannot be empty');
    if (name.length > exports.MAX_NAME_LENGTH)
        throw (0, kit_1.badInput)(field, "The name is longer than ".concat(exports.MAX_NAME_LENGTH, " characters"));
    return name;
}
/** Alternative names (other spellings, names in other languages): trimmed, none blank, no repeats. */
function cleanAlternativeNames(field, raw, name) {
    if (raw.length > exports.MAX_ALTERNATIVE_NAMES)
        throw (0, kit_1.badInput)(field, "At most ".concat(exports.MAX_ALTERNATIVE_NAMES, " alternative names"));
    var seen = new Set([name.toLowerCase()]);
    var names = [];
    raw.forEach(function (value, i) {
        var cleaned = cleanName("".concat(field, ".").concat(i), value);
        if (!seen.has(cleaned.toLowerCase())) {
            seen.add(cleaned.toLowerCase());
            names.push(cleaned);
        }
    });
    return names;
}
/** Both coordinates or neither, inside the country's extent (catches swapped or mistyped values). */
function checkCoordinates(latitude, longitude, country, fieldPrefix) {
    if (fieldPrefix === void 0) { fieldPrefix = 'input'; }
    var hasLatitude = latitude !== null && latitude !== undefined;
    var hasLongitude = longitude !== null && longitude !== undefined;
    if (hasLatitude !== hasLongitude) {
        throw (0, kit_1.badInput)("".concat(fieldPrefix, ".").concat(hasLatitude ? 'longitude' : 'latitude'), 'Give both latitude and longitude, or neither');
    }
    if (!hasLatitude || !hasLongitude)
        return;
    if (latitude < country.minLatitude || latitude > country.maxLatitude) {
        throw (0, kit_1.badInput)("".concat(fieldPrefix, ".latitude"), "Latitude ".concat(latitude, " is outside ").concat(country.nameEn, " (").concat(country.minLatitude, " to ").concat(country.maxLatitude, ")"));
    }
    if (longitude < country.minLongitude || longitude > country.maxLongitude) {
        throw (0, kit_1.badInput)("".concat(fieldPrefix, ".longitude"), "Longitude ".concat(longitude, " is outside ").concat(country.nameEn, " (").concat(country.minLongitude, " to ").concat(country.maxLongitude, ")"));
    }
}
