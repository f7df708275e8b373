// The simulator scenarios the fleet-wide tests were written against (each test's counts assume them);
// scenarios added later for other features join a test by being named there, not by accident.
import { activationScenarioNames, type ScenarioName } from "../../scripts/simulator/types";

export const DIAGNOSIS_SCENARIOS: ScenarioName[] = [...activationScenarioNames];
