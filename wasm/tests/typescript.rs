//! The TypeScript types of a rules file, generated from its JSON Schema (`borang::rules_schema()`,
//! itself generated from the Rust types) into `src/rules.d.ts.txt`, which `src/lib.rs` puts in
//! `borang.d.ts`. The file is committed; this test fails when it is stale, and
//! `BORANG_UPDATE_SCHEMA=1 cargo test -p borang-wasm --test typescript` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Map, Value};

/// `Check<T>` and `Detailed<T>` are generic: schemars names each use `Check2`, `Detailed3`, …;
/// TypeScript gets them written out where they are used.
fn inlined(name: &str) -> bool {
    matches!(name.trim_end_matches(|c: char| c.is_ascii_digit()), "Check" | "Detailed")
}

/// The TypeScript name of a definition.
fn ts_name(name: &str) -> String {
    match name {
        "RulesSpec" => "RulesFile".into(),
        "Code" => "ProblemCode".into(),
        "Problem" => "RulesProblem".into(),
        "Preset" => "PresetInfo".into(),
        other => other.into(),
    }
}

fn doc(out: &mut String, indent: &str, node: &Value) {
    if let Some(d) = node.get("description").and_then(Value::as_str) {
        let d = d.replace("*/", "*\\/");
        if d.contains('\n') {
            out.push_str(&format!("{indent}/**\n"));
            for line in d.lines() {
                out.push_str(&format!("{indent} * {line}\n").replace(" \n", "\n"));
            }
            out.push_str(&format!("{indent} */\n"));
        } else {
            out.push_str(&format!("{indent}/** {d} */\n"));
        }
    }
}

struct Gen<'s> {
    defs: &'s Map<String, Value>,
}

impl Gen<'_> {
    /// The alternatives of a schema, as TypeScript types (`null` among them when allowed).
    fn alternatives(&self, node: &Value, indent: &str) -> Vec<String> {
        let mut alts: Vec<String> = Vec::new();
        let add = |t: String, alts: &mut Vec<String>| {
            if !alts.contains(&t) {
                alts.push(t);
            }
        };
        if node == &Value::Bool(true) || node.as_object().is_some_and(|o| o.is_empty()) {
            return vec!["unknown".into()];
        }
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            if inlined(name) {
                return self.alternatives(&self.defs[name], indent);
            }
            return vec![ts_name(name)];
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(items) = node.get(key).and_then(Value::as_array) {
                for item in items {
                    for t in self.alternatives(item, indent) {
                        add(t, &mut alts);
                    }
                }
                return alts;
            }
        }
        if let Some(values) = node.get("enum").and_then(Value::as_array) {
            return values.iter().map(Value::to_string).collect();
        }
        if let Some(value) = node.get("const") {
            return vec![value.to_string()];
        }
        let types: Vec<&str> = match node.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        for t in types {
            let ty = match t {
                "string" => "string".into(),
                "number" | "integer" => "number".into(),
                "boolean" => "boolean".into(),
                "null" => "null".into(),
                "array" => {
                    let item = self.alternatives(node.get("items").unwrap_or(&Value::Bool(true)), indent);
                    if item.len() == 1 {
                        format!("{}[]", item[0])
                    } else {
                        format!("({})[]", item.join(" | "))
                    }
                }
                "object" => self.object(node, indent),
                other => panic!("type {other:?} has no TypeScript here"),
            };
            add(ty, &mut alts);
        }
        assert!(!alts.is_empty(), "no TypeScript for {node}");
        alts
    }

    /// An object type: its properties (optional unless required), or a record.
    fn object(&self, node: &Value, indent: &str) -> String {
        let Some(props) = node.get("properties").and_then(Value::as_object) else {
            let values = match node.get("additionalProperties") {
                Some(v @ Value::Object(_)) => self.alternatives(v, indent).join(" | "),
                _ => "unknown".into(),
            };
            return format!("Record<string, {values}>");
        };
        let required: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map_or(vec![], |r| r.iter().filter_map(Value::as_str).collect());
        let inner = format!("{indent}  ");
        let mut out = String::from("{\n");
        for (key, prop) in props {
            doc(&mut out, &inner, prop);
            let optional = !required.contains(&key.as_str());
            let mut alts = self.alternatives(prop, &inner);
            if optional {
                // The reader takes an absent key, not `null`, for "not given".
                alts.retain(|t| t != "null");
            }
            let name = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                key.clone()
            } else {
                format!("{key:?}")
            };
            out.push_str(&format!("{inner}{name}{}: {};\n", if optional { "?" } else { "" }, alts.join(" | ")));
        }
        out.push_str(&format!("{indent}}}"));
        out
    }

    fn declaration(&self, name: &str, node: &Value) -> String {
        let mut out = String::new();
        doc(&mut out, "", node);
        let is_interface = node.get("properties").is_some();
        if is_interface {
            out.push_str(&format!("export interface {} {}\n", ts_name(name), self.object(node, "")));
        } else {
            out.push_str(&format!("export type {} = {};\n", ts_name(name), self.alternatives(node, "").join(" | ")));
        }
        out
    }
}

fn generate(schema: &Value) -> String {
    let defs = schema["$defs"].as_object().expect("$defs");
    let gen = Gen { defs };
    let mut out = String::from(
        "// The types of a rules file. Generated from schema/rules.schema.json (itself generated from\n\
         // the Rust types) by wasm/tests/typescript.rs; do not edit.\n\n",
    );
    // The document: its title as the description when it has none of its own.
    out += &gen.declaration("RulesSpec", schema);
    for (name, def) in defs {
        if !inlined(name) {
            out.push('\n');
            out += &gen.declaration(name, def);
        }
    }
    out
}

/// The types of what the API returns (reports, sections, counts, presets, problems), from the
/// schema of the Rust types as they serialize.
fn generate_api() -> String {
    fn schema<T: schemars::JsonSchema>() -> Value {
        let settings = schemars::generate::SchemaSettings::default().for_serialize();
        settings.into_generator().into_root_schema_for::<T>().to_value()
    }
    let roots = [
        ("Report", schema::<borang::Report>()),
        ("SectionInfo", schema::<borang::SectionInfo>()),
        ("TextStats", schema::<borang::TextStats>()),
        ("Preset", schema::<borang::Preset>()),
        ("Problem", schema::<borang::Problem>()),
    ];
    let mut out = String::from(
        "// The types of what the API returns. Generated from the Rust types (as they serialize) by\n\
         // wasm/tests/typescript.rs; do not edit.\n",
    );
    let mut done: Vec<String> = Vec::new();
    for (name, root) in &roots {
        let empty = Map::new();
        let defs = root.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
        let gen = Gen { defs };
        let mut items: Vec<(&str, &Value)> = vec![(name, root)];
        items.extend(defs.iter().map(|(n, d)| (n.as_str(), d)));
        for (n, def) in items {
            // `Severity` is a rules file's type too.
            if done.iter().any(|d| d == n) || n == "Severity" {
                continue;
            }
            done.push(n.to_owned());
            out.push('\n');
            out += &gen.declaration(n, def);
        }
    }
    out
}

/// Compares a generated file with the committed one (rewriting it when asked).
fn up_to_date(file: &str, fresh: &str) {
    let path = format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BORANG_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "wasm/src/{file} is stale: run `BORANG_UPDATE_SCHEMA=1 cargo test -p borang-wasm --test typescript`"
    );
}

#[test]
fn the_rules_file_types_are_up_to_date() {
    up_to_date("rules.d.ts.txt", &generate(&borang::rules_schema()));
}

#[test]
fn the_api_types_are_up_to_date() {
    up_to_date("api.d.ts.txt", &generate_api());
}

#[test]
fn the_types_name_every_key_of_a_section() {
    let ts = generate(&borang::rules_schema());
    let section = ts.split("export interface SectionSpec {").nth(1).expect("SectionSpec").split("\n}").next().unwrap();
    for key in ["id: string", "title: string", "fields?: OneOrMany", "words?: Limits", "compare?: CompareSchema[]"] {
        assert!(section.contains(key), "{key} in {section}");
    }
}
