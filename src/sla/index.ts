/** The SLA model: rules, their three spellings, the built-in profiles, and the pure verdicts over an Analysis. */
export * from './rule.js';
export { parseRule } from './parse-rule.js';
export { parseRulesFile } from './rules-file.js';
export { builtInProfile, profileForPlan, PROFILE_NAMES, type ProfileName } from './profiles.js';
export { SlaObserver, type SlaDetail } from './observer.js';
export { evaluateSla, percentilesFor, type SlaContext } from './evaluate.js';
export { analyzeForSla, loadRuleSet, type RuleSources } from './load.js';
