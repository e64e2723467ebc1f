use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::{field_errors::FieldErrors, timestamp::Timestamp};

/// The most characters a project name may have, after trimming.
pub const NAME_MAX_CHARS: usize = 100;
/// The most characters a description may have.
pub const DESCRIPTION_MAX_CHARS: usize = 10_000;

/// Where a project is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    #[default]
    Inactive,
    Active,
    Archived,
}

impl ProjectStatus {
    pub const ALL: [Self; 3] = [Self::Inactive, Self::Active, Self::Archived];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inactive => "inactive",
            Self::Active => "active",
            Self::Archived => "archived",
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| format!("must be one of inactive, active, archived (got {text:?})"))
    }
}

/// A project as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Project {
    /// Stable identifier (a UUID v7 for projects created by Baton).
    pub id: String,
    pub name: String,
    #[schema(required = true)]
    pub description: Option<String>,
    pub status: ProjectStatus,
    /// Absolute path of the directory the project's agents work in (null only for rows written
    /// by other tools).
    #[schema(required = true)]
    pub workspace_dir: Option<String>,
    /// Free-form settings of the project (a JSON object).
    #[schema(value_type = Object)]
    pub config: Value,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// The body of `POST /api/projects`. Every field is optional to serde so that validation can
/// name each missing or bad field at once.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProject {
    /// 1–100 characters after trimming; unique regardless of case.
    #[schema(required = true, example = "Checkout redesign")]
    pub name: Option<String>,
    pub description: Option<String>,
    /// Defaults to `inactive`.
    pub status: Option<ProjectStatus>,
    /// Absolute path (or starting with `~/`); created if missing. Defaults to a folder in
    /// Baton's data directory.
    pub workspace_dir: Option<String>,
    /// A JSON object; defaults to `{}`.
    #[schema(value_type = Option<Object>)]
    pub config: Option<Value>,
}

/// The body of `PUT /api/projects/{id}`: only the fields present change; `description: null`
/// clears the description.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProject {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    pub status: Option<ProjectStatus>,
    pub workspace_dir: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub config: Option<Value>,
}

impl UpdateProject {
    /// The names of the fields this update sends, for the audit log.
    pub fn field_names(&self) -> Vec<&'static str> {
        [
            self.name.is_some().then_some("name"),
            self.description.is_some().then_some("description"),
            self.status.is_some().then_some("status"),
            self.workspace_dir.is_some().then_some("workspace_dir"),
            self.config.is_some().then_some("config"),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Tells a field sent as `null` (Some(None)) from a field not sent (None).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A validated new project, before Baton gives it an id and a default workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProject {
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub workspace_dir: Option<PathBuf>,
    pub config: Map<String, Value>,
}

impl NewProject {
    /// Validates every field of `input`; `home` resolves `~/` in the workspace path.
    pub fn parse(input: CreateProject, home: Option<&Path>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = match input.name {
            Some(name) => errors.check("name", parse_name(&name)),
            None => {
                errors.add("name", "is required");
                None
            }
        };
        let description = errors.check("description", parse_description(input.description));
        let workspace_dir = match input.workspace_dir {
            Some(dir) => errors.check("workspace_dir", parse_workspace_dir(&dir, home)).flatten(),
            None => None,
        };
        let config =
            errors.check("config", parse_config(input.config.unwrap_or_else(|| Value::Object(Map::new()))));
        errors.into_result()?;
        Ok(Self {
            name: name.unwrap_or_default(),
            description: description.flatten(),
            status: input.status.unwrap_or_default(),
            workspace_dir,
            config: config.unwrap_or_default(),
        })
    }
}

/// A validated set of changes to a project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectChanges {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub status: Option<ProjectStatus>,
    pub workspace_dir: Option<PathBuf>,
    pub config: Option<Map<String, Value>>,
}

impl ProjectChanges {
    pub fn parse(input: UpdateProject, home: Option<&Path>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = input.name.and_then(|name| errors.check("name", parse_name(&name)));
        let description = input
            .description
            .and_then(|description| errors.check("description", parse_description(description)));
        let workspace_dir = match input.workspace_dir {
            Some(dir) => match errors.check("workspace_dir", parse_workspace_dir(&dir, home)) {
                Some(None) => {
                    errors.add("workspace_dir", "must not be empty");
                    None
                }
                other => other.flatten(),
            },
            None => None,
        };
        let config = input.config.and_then(|config| errors.check("config", parse_config(config)));
        errors.into_result()?;
        Ok(Self { name, description, status: input.status, workspace_dir, config })
    }

    /// Applies the changes to `project`, leaving untouched what was not sent.
    pub fn apply(self, project: &mut Project) {
        if let Some(name) = self.name {
            project.name = name;
        }
        if let Some(description) = self.description {
            project.description = description;
        }
        if let Some(status) = self.status {
            project.status = status;
        }
        if let Some(dir) = self.workspace_dir {
            project.workspace_dir = Some(dir.to_string_lossy().into_owned());
        }
        if let Some(config) = self.config {
            project.config = Value::Object(config);
        }
    }
}

fn parse_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 {
        return Err("must not be empty".into());
    }
    if chars > NAME_MAX_CHARS {
        return Err(format!("must be at most {NAME_MAX_CHARS} characters (got {chars})"));
    }
    if name.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(name.to_owned())
}

/// Trimmed; an empty description is no description.
fn parse_description(description: Option<String>) -> Result<Option<String>, String> {
    let Some(description) = description else { return Ok(None) };
    let description = description.trim();
    let chars = description.chars().count();
    if chars > DESCRIPTION_MAX_CHARS {
        return Err(format!("must be at most {DESCRIPTION_MAX_CHARS} characters (got {chars})"));
    }
    Ok((!description.is_empty()).then(|| description.to_owned()))
}

/// An absolute, normalised path; `~/` is the user's home; empty means "not given".
pub fn parse_workspace_dir(dir: &str, home: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let dir = dir.trim();
    if dir.is_empty() {
        return Ok(None);
    }
    if dir.contains('\0') {
        return Err("must not contain NUL characters".into());
    }
    if dir.len() > 4096 {
        return Err("must be at most 4096 bytes".into());
    }
    let path = match dir.strip_prefix("~/").or((dir == "~").then_some("")) {
        Some(rest) => home.ok_or("cannot use ~: this user has no home directory")?.join(rest),
        None => PathBuf::from(dir),
    };
    if !path.is_absolute() {
        return Err(format!("must be an absolute path (got {dir:?})"));
    }
    // Resolve `.` and `..` lexically so the stored path is the one a person expects to see.
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    Ok(Some(normal))
}

fn parse_config(config: Value) -> Result<Map<String, Value>, String> {
    match config {
        Value::Object(map) => Ok(map),
        other => Err(format!("must be a JSON object (got {})", json_kind(&other))),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn create(value: Value) -> Result<NewProject, FieldErrors> {
        let input: CreateProject = serde_json::from_value(value).expect("deserializes");
        NewProject::parse(input, Some(Path::new("/home/u")))
    }

    #[test]
    fn a_name_is_trimmed_and_defaults_are_filled_in() {
        let project = create(json!({"name": "  Shop  "})).expect("valid");
        assert_eq!(project.name, "Shop");
        assert_eq!(project.status, ProjectStatus::Inactive);
        assert_eq!(project.config, Map::new());
        assert_eq!(project.workspace_dir, None);
        assert_eq!(project.description, None);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let errors = create(json!({"description": "x", "workspace_dir": "relative/dir", "config": [1]}))
            .expect_err("invalid");
        let map = errors.to_map();
        assert_eq!(map["name"], "is required");
        assert!(map["workspace_dir"].contains("absolute"), "{map:?}");
        assert_eq!(map["config"], "must be a JSON object (got an array)");
    }

    #[test]
    fn names_are_checked_for_length_after_trimming() {
        let cases = [
            ("", Some("must not be empty")),
            ("   ", Some("must not be empty")),
            (&"a".repeat(100), None),
            (&"a".repeat(101), Some("must be at most 100 characters (got 101)")),
            (&"é".repeat(100), None),
            ("tab\there", Some("must not contain control characters")),
        ];
        for (name, expected) in cases {
            assert_eq!(parse_name(name).err().as_deref(), expected, "name {name:?}");
        }
    }

    #[test]
    fn workspace_paths_are_made_absolute_and_normal() {
        let home = Some(Path::new("/home/u"));
        let cases = [
            ("/srv/shop", Ok(Some("/srv/shop"))),
            ("/srv/./shop/../cart/", Ok(Some("/srv/cart"))),
            ("~/code/shop", Ok(Some("/home/u/code/shop"))),
            ("  ", Ok(None)),
            ("code/shop", Err(())),
            ("/bad\0path", Err(())),
        ];
        for (input, expected) in cases {
            let got = parse_workspace_dir(input, home);
            match expected {
                Ok(path) => assert_eq!(got, Ok(path.map(PathBuf::from)), "{input:?}"),
                Err(()) => assert!(got.is_err(), "{input:?} should be refused"),
            }
        }
    }

    #[test]
    fn an_update_distinguishes_null_from_absent() {
        let cleared: UpdateProject = serde_json::from_value(json!({"description": null})).expect("ok");
        assert_eq!(cleared.description, Some(None));
        let untouched: UpdateProject = serde_json::from_value(json!({})).expect("ok");
        assert_eq!(untouched.description, None);
    }

    #[test]
    fn an_update_refuses_an_empty_workspace() {
        let input: UpdateProject = serde_json::from_value(json!({"workspace_dir": ""})).expect("ok");
        let errors = ProjectChanges::parse(input, None).expect_err("invalid");
        assert_eq!(errors.to_map()["workspace_dir"], "must not be empty");
    }

    #[test]
    fn unknown_statuses_are_refused_by_name() {
        assert_eq!(ProjectStatus::parse("active"), Ok(ProjectStatus::Active));
        assert!(ProjectStatus::parse("paused").expect_err("refused").contains("inactive, active, archived"));
    }
}
