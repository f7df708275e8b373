// Imports in lib/ run one way, down the pipeline: a stage may import itself and the stages before it,
// never one after it. core → kms → access → ingest → evaluate → read → present → client.
// (`npm run lint` runs this; README's "Where things are" lists the same stages.)
const STAGES = ["core", "kms", "access", "ingest", "evaluate", "read", "present", "client"];

const laterThan = (i) => STAGES.slice(i + 1).join("|");
const stageRules = STAGES.slice(0, -1).map((stage, i) => ({
  name: `${stage}-imports-later-stage`,
  comment: `lib/${stage} may import only ${STAGES.slice(0, i + 1).join(", ")}`,
  severity: "error",
  from: { path: `^lib/${stage}/`, pathNot: "\\.test\\.tsx?$" },
  to: { path: `^lib/(${laterThan(i)})/` },
}));

module.exports = {
  forbidden: [
    ...stageRules,
    {
      name: "no-circular",
      comment: "no import cycle between modules (and so none between folders of one stage)",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "lib-stays-in-lib",
      comment: "lib/ never imports the app, scripts, bench or test support (tests import lib, not the reverse)",
      severity: "error",
      from: { path: "^lib/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|scripts|bench|tests|agents)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/core/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
  },
};
