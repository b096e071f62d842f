/**
 * custom-elements.json, written by `npm run manifest` (part of `npm run build`)
 * from the JSDoc header of each element: `@summary`, `@attr`, `@prop`,
 * `@fires`, `@csspart`, `@cssprop`, `@slot`. Storybook's docs, the README's
 * API tables (scripts/api-docs.ts) and editors read it;
 * test/node/manifest.test.ts fails when it is out of date or incomplete.
 *
 * The header is the public API: where it describes an attribute, that text is
 * also the description of the property behind it, so the two never disagree.
 */
import { parse } from 'comment-parser';

/** Only what a page can use: no private or protected members. */
function publicApiOnly() {
  return {
    name: 'spine-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        declaration.members = declaration.members?.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
        );
      }
    },
  };
}

/**
 * The header wins. The analyzer reads the header, then lets what it finds in
 * the code (a `@property()` and its comment) overwrite it; this puts the
 * header's description, type and default back, gives a property with an
 * attribute the attribute's description, so the two never disagree, and
 * keeps only the events the header lists.
 */
function headerIsTheApi() {
  /** Class name → the header's `@attr` and `@prop` tags. */
  const headers = new Map();
  return {
    name: 'spine-header-is-the-api',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const tags = (node.jsDoc ?? []).flatMap((doc) => parse(doc.getFullText()).flatMap((block) => block.tags));
      headers.set(node.name.getText(), {
        attributes: tags.filter((tag) => tag.tag === 'attr' || tag.tag === 'attribute'),
        properties: tags.filter((tag) => tag.tag === 'prop' || tag.tag === 'property'),
        events: tags.filter((tag) => tag.tag === 'fires' || tag.tag === 'event').map((tag) => tag.name),
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        const header = headers.get(declaration.name);
        if (!header) continue;
        // The analyzer also lists each `dispatchEvent(new X(…))` it sees, some
        // without a name, some under a wrong one; the header's `@fires {X} name`
        // is the list (test/node/manifest.test.ts checks it against the code).
        declaration.events = declaration.events?.filter((event) => header.events.includes(event.name));
        for (const tag of header.attributes) {
          const attribute = declaration.attributes?.find((candidate) => candidate.name === tag.name);
          if (attribute) applyTag(attribute, tag);
        }
        for (const tag of header.properties) {
          const member = declaration.members?.find((candidate) => candidate.name === tag.name);
          if (member) applyTag(member, tag);
        }
        for (const attribute of declaration.attributes ?? []) {
          const member = declaration.members?.find((candidate) => candidate.name === attribute.fieldName);
          if (!member) continue;
          if (attribute.description) member.description = attribute.description;
          member.type ??= attribute.type;
          member.default ??= attribute.default;
        }
      }
    },
  };
}

/** A header tag's type, default and description onto a manifest entry. */
function applyTag(entry, tag) {
  const description = tag.description.replace(/^-\s*/, '').replace(/\s+/g, ' ').trim();
  if (description) entry.description = description;
  if (tag.type) entry.type = { text: tag.type };
  if (tag.default !== undefined) entry.default = tag.default;
}

/**
 * Paths as the package ships them: `lib/…/x.js` (the published modules),
 * not `src/…/x.ts`, which is not in the package.
 */
function publishedPaths() {
  const published = (path) => path.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
  return {
    name: 'spine-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = published(module.path);
        for (const reference of references(module)) {
          if (reference.module && !reference.package) reference.module = published(reference.module);
        }
      }
    },
  };
}

/**
 * Modules in the order of their paths: the analyzer lists them in the order
 * it happens to finish reading them, which differs between runs.
 */
function modulesInPathOrder() {
  return {
    name: 'spine-modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

function* classes(manifest) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind === 'class') yield declaration;
    }
  }
}

/** Every `{ name, module }` reference in a module: exports, superclasses, inherited members. */
function* references(module) {
  for (const exported of module.exports ?? []) if (exported.declaration) yield exported.declaration;
  for (const declaration of module.declarations ?? []) {
    if (declaration.superclass) yield declaration.superclass;
    for (const item of [
      ...(declaration.members ?? []),
      ...(declaration.attributes ?? []),
      ...(declaration.events ?? []),
    ]) {
      if (item.inheritedFrom) yield item.inheritedFrom;
    }
  }
}

export default {
  globs: ['src/components/*/*.ts', 'src/elements/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` field is kept by hand.
  packagejson: false,
  plugins: [publicApiOnly(), headerIsTheApi(), publishedPaths(), modulesInPathOrder()],
};
