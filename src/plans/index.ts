export { planCatalogue, findPlan, type PlanInfo } from './catalogue.js';
export { plansDir } from './paths.js';
export { buildPlans, checkPlans, renderAllPlans, renderPlan, type PlanFile } from './build.js';
export { PLAN_DEFINITIONS } from './definitions.js';
export { lintFiles, type FileLint } from './lint-files.js';
export { effectiveLoad, type GroupLoad, type PlanLoad, type PlanShape } from './shape.js';
export { planDefaults, planDrift } from './figures.js';
