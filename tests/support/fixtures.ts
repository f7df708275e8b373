// Where test fixtures live: the read-only shared set beside the repository (CI clones the repo with
// `shared/` next to it) and the project's own damaged and extra variants under tests/fixtures.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SHARED_FIXTURES = path.resolve(ROOT, "../shared/fixtures");
export const LOCAL_FIXTURES = path.join(ROOT, "tests/fixtures");
