// Validates Kubernetes manifests against the Kubernetes API's schemas, in two passes over every resource:
//  1. the JSON schema of its kind (npm kubernetes-models: the API's OpenAPI definitions compiled with ajv): types,
//     formats, enumerations and required fields;
//  2. TypeScript's excess-property check against the same models' types: a field the API does not have (a typo such
//     as readinesProbe, or a field at the wrong level), which the API's schemas let through, is an error.
// A resource whose apiVersion and kind have no model is an error too. .ci/check-kubernetes copies this file to
// target/tools, where its packages are installed, and runs it there:
//   node target/tools/check-kubernetes.mjs deploy/kubernetes.yml ...
import { parseAllDocuments } from "yaml";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tools = path.dirname(fileURLToPath(import.meta.url));
const typesDir = path.join(tools, "kubernetes-check");
const problems = [];
const resources = [];

for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      problems.push(`${file}: not YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const resource = document.toJS();
    if (resource === null || resource === undefined) {
      continue;
    }
    const where = `${file}: ${resource.kind ?? "(no kind)"} ${resource.metadata?.name ?? "(no name)"}`;
    const { apiVersion, kind } = resource;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      problems.push(`${where}: apiVersion and kind are required`);
      continue;
    }
    let models;
    try {
      models = await import(`kubernetes-models/${apiVersion}`);
    } catch {
      problems.push(`${where}: no Kubernetes API version ${apiVersion}`);
      continue;
    }
    const Model = models[kind];
    if (typeof Model !== "function" || Model.kind !== kind) {
      problems.push(`${where}: ${apiVersion} has no kind ${kind}`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
    resources.push({ where, apiVersion, kind, resource });
  }
}

// Pass 2: one TypeScript file per resource, named after it, so that the compiler's message says which one.
rmSync(typesDir, { recursive: true, force: true });
mkdirSync(typesDir, { recursive: true });
const files = resources.map(({ where, apiVersion, kind, resource }, index) => {
  const name = `${String(index + 1).padStart(2, "0")}-${kind}-${resource.metadata?.name ?? "unnamed"}.ts`
    .replace(/[^A-Za-z0-9._-]/g, "_");
  writeFileSync(path.join(typesDir, name),
    `// ${where}\n` +
    `import type { I${kind} } from "kubernetes-models/${apiVersion}/${kind}";\n` +
    `export const resource: I${kind} = ${JSON.stringify(resource, null, 2)};\n`);
  return name;
});
if (files.length > 0) {
  writeFileSync(path.join(typesDir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext",
    },
    files,
  }, null, 2));
  try {
    execFileSync(path.join(tools, "node_modules", ".bin", "tsc"), ["-p", typesDir, "--pretty", "false"],
      { cwd: typesDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    problems.push(`type check against the Kubernetes API types, unknown fields included (files under ${path.relative(process.cwd(), typesDir)}):\n${output}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`check-kubernetes: ${problems.length} problem(s) in ${resources.length} resource(s)`);
  process.exit(1);
}
const version = JSON.parse(readFileSync(path.join(tools, "node_modules", "kubernetes-models", "package.json"), "utf8")).version;
console.log(`check-kubernetes: ${resources.length} resource(s) valid against the Kubernetes API schemas ` +
  `(${[...new Set(resources.map((r) => `${r.apiVersion} ${r.kind}`))].join(", ")}; kubernetes-models ${version})`);
