use std::{
    future::Future,
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::HeaderName,
    response::IntoResponse,
};
use serde_json::json;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::{Level, info, warn};

use crate::{
    api,
    auth::{Auth, jwt, secrets},
    catalog::{self, Catalog},
    config::ServeArgs,
    domain::user::{Role, check_password},
    example,
    external::{Intake, workspaces::WorkspaceWatcher},
    host,
    realtime::{Event, Realtime, announce::Announcer, subscriptions::GLOBAL},
    runner::{Engine, EngineSettings},
    security,
    settings::{Flags, SettingsHub},
    store::{self, Db},
    telemetry,
    vault::Vault,
};

/// How often `system:health` goes to the dashboard.
const HEALTH_EVERY: Duration = Duration::from_secs(5);

/// How long in-flight requests may take to finish after a stop signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub auth: Arc<Auth>,
    pub engine: Arc<Engine>,
    pub realtime: Realtime,
    /// Announces committed changes on the socket.
    pub announce: Announcer,
    pub sampler: Arc<host::Sampler>,
    /// Agents defined in files, kept current by a watcher.
    pub catalog: Arc<Catalog>,
    /// Stores events from hooks, orchestrator.sh and workspace files.
    pub intake: Intake,
    pub started: Instant,
    pub data_dir: Arc<PathBuf>,
    /// Seals and opens secrets stored in configuration.
    pub vault: Arc<Vault>,
    /// The outbound webhooks' outbox and how deliveries are sent.
    pub webhooks: crate::webhooks::Webhooks,
    /// MCP servers: discovery, checks, the processes Baton runs.
    pub mcp: crate::mcp::Mcp,
    /// The settings in force: defaults, flags and the stored global document.
    pub settings: Arc<SettingsHub>,
}

impl AppState {
    /// Prepares the data directory, brings the database up to date and loads what checking
    /// tokens needs. The server and the CLI subcommands both start here.
    pub async fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let webhook_url = "http://127.0.0.1:3001/api/webhooks/notify".to_owned();
        Self::open_with(data_dir, 10, 200, webhook_url, Flags::default(), catalog::Dirs::default()).await
    }

    async fn open_with(
        data_dir: &Path,
        refresh_reuse_grace_s: u64,
        rate_limit: u32,
        webhook_url: String,
        flags: Flags,
        agent_dirs: catalog::Dirs,
    ) -> anyhow::Result<Self> {
        let started = Instant::now();
        prepare_data_dir(data_dir)?;
        let db = Db::open(data_dir).await?;
        let keys = jwt::Keys::load_or_create(data_dir)?;
        let vault = Arc::new(Vault::load_or_create(data_dir)?);
        let mut auth = Auth::load(db.clone(), keys, rate_limit).await?;
        auth.refresh_reuse_grace_s = i64::try_from(refresh_reuse_grace_s).unwrap_or(i64::MAX);
        let auth = Arc::new(auth);
        let realtime = Realtime::start(auth.clone(), db.clone());
        let settings = Arc::new(SettingsHub::new(&flags));
        if let Some(global) = store::config::current(&db.reader, store::config::Scope::Global).await? {
            settings.set_global(global.document);
        }
        let announce = Announcer::new(db.clone(), realtime.hub.clone()).with_settings(settings.clone());
        // Scripts Baton launches post to WEBHOOK_URL as it is: the token goes in the query.
        let engine = EngineSettings {
            webhook_url: format!("{webhook_url}?token={}", auth.runner_token()),
            settings: settings.clone(),
            vault: vault.clone(),
        };
        let engine = Engine::new(db.clone(), engine, announce.clone());
        let data_dir = Arc::new(data_dir.to_path_buf());
        // Directories in the global configuration are watched too (from the next start).
        let mut agent_dirs = agent_dirs;
        for dir in settings.current().watch.agents_dirs.iter() {
            if !agent_dirs.extra.contains(dir) {
                agent_dirs.extra.push(dir.clone());
            }
        }
        let catalog = Arc::new(Catalog::new(agent_dirs, db.clone()));
        let intake = Intake::start(db.clone(), announce.clone());
        let webhooks = crate::webhooks::Webhooks {
            outbox: crate::webhooks::Outbox::new(db.clone()),
            options: crate::webhooks::Options::default(),
        };
        realtime.hub.set_tap(Arc::new(webhooks.outbox.clone()));
        let mcp = crate::mcp::Mcp::new(
            db.clone(),
            vault.clone(),
            announce.clone(),
            settings.clone(),
            crate::mcp::default_claude_json(),
        );
        Ok(Self {
            db,
            auth,
            engine,
            realtime,
            announce,
            sampler: Arc::default(),
            catalog,
            intake,
            started,
            data_dir,
            vault,
            webhooks,
            mcp,
            settings,
        })
    }

    /// Where projects created without a workspace directory get one.
    pub fn workspaces_root(&self) -> PathBuf {
        self.data_dir.join("workspaces")
    }
}

/// A built application: listening, with its database open, not yet serving.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    cors_origins: Vec<String>,
    /// orchestrator.sh workspace directories to follow.
    workspaces: Vec<PathBuf>,
}

impl Application {
    /// Binds the port, prepares the data directory and brings the database up to date. Each
    /// failure is one sentence a person can act on.
    pub async fn build(args: &ServeArgs) -> anyhow::Result<Self> {
        let started = Instant::now();
        let listener = bind(SocketAddr::new(args.host, args.port)).await?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
        let webhook_url = format!("http://127.0.0.1:{port}/api/webhooks/notify");
        // Watchers report absolute paths; directories given relative are made absolute to match.
        let absolute = |dir: &PathBuf| std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        let claude_dir = args.resolved_claude_dir().map(|d| absolute(&d));
        let data_dir = absolute(&args.resolved_data_dir()?);
        let agent_dirs = catalog::Dirs {
            user: claude_dir.as_ref().map(|d| d.join("agents")),
            extra: args.agents_dirs.iter().map(absolute).collect(),
            busy: vec![data_dir.clone()],
        };
        let mut workspaces: Vec<PathBuf> = claude_dir.iter().map(|d| d.join("agent-workspaces")).collect();
        workspaces.extend(args.workspaces_dirs.iter().map(absolute));
        let flags = Flags {
            claude_bin: args.claude_bin.clone(),
            kill_grace: args.kill_grace,
            max_agents: args.max_agents,
            agents_dirs: agent_dirs.extra.clone(),
            workspaces_dirs: args.workspaces_dirs.iter().map(absolute).collect(),
        };
        let mut state = AppState::open_with(
            &data_dir,
            args.refresh_reuse_grace_s,
            args.rate_limit,
            webhook_url,
            flags,
            agent_dirs,
        )
        .await?;
        state.started = started;
        state.mcp = crate::mcp::Mcp::new(
            state.db.clone(),
            state.vault.clone(),
            state.announce.clone(),
            state.settings.clone(),
            args.resolved_claude_json(),
        );
        state.webhooks.options = crate::webhooks::Options {
            allow_private: args.allow_private_webhooks,
            backoff_base: args.webhook_backoff_base,
        };
        let interrupted = state.engine.reconcile().await?;
        if interrupted > 0 {
            warn!(interrupted, "marked executions left running by the previous process as interrupted");
        }
        let brand_new = first_admin(&state, args.admin_password.clone()).await?;
        if brand_new && !args.no_example {
            example::create(&state).await.context("creating the example project")?;
        }
        // The catalog is complete before the first request.
        if let Err(error) = state.catalog.scan().await {
            warn!(error = format!("{error:#}"), "could not read the agent catalog");
        }
        for dir in state.settings.current().watch.workspaces_dirs.iter() {
            if !workspaces.contains(dir) {
                workspaces.push(dir.clone());
            }
        }
        Ok(Self { listener, state, cors_origins: args.cors_origins.clone(), workspaces })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn port(&self) -> u16 {
        self.local_addr().port()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish (for at most
    /// [`SHUTDOWN_GRACE`]) and closes the database.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Self { listener, state, cors_origins, workspaces } = self;
        let stop = CancellationToken::new();
        tokio::spawn(sync_users(state.clone(), stop.clone()));
        tokio::spawn(state.catalog.clone().run(state.realtime.hub.clone(), stop.clone()));
        let busy = vec![state.data_dir.to_path_buf()];
        let watcher = WorkspaceWatcher::new(workspaces, busy, state.intake.clone(), state.db.clone());
        tokio::spawn(watcher.run(stop.clone()));
        tokio::spawn(broadcast_health(state.clone(), stop.clone()));
        tokio::spawn(crate::settings::retention::run(state.db.clone(), state.settings.clone(), stop.clone()));
        tokio::spawn(crate::mcp::monitor::run(state.mcp.clone(), stop.clone()));
        tokio::spawn(crate::webhooks::worker::run(state.clone(), stop.clone()));
        let router = router(state.clone(), &cors_origins)?;
        let server = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown({
                let stop = stop.clone();
                async move {
                    shutdown.await;
                    info!("stopping: finishing in-flight requests");
                    stop.cancel();
                }
            });
        tokio::select! {
            result = server => result.context("the HTTP server failed")?,
            () = async { stop.cancelled().await; tokio::time::sleep(SHUTDOWN_GRACE).await } => {
                warn!("requests still running after {SHUTDOWN_GRACE:?}: stopping anyway");
            }
        }
        // Running agents are stopped and their executions marked interrupted.
        state.engine.shutdown().await;
        state.mcp.supervisor.stop_all().await;
        state.db.close().await;
        info!("stopped");
        Ok(())
    }
}

/// The router with every middleware, for the server and for tests.
pub fn router(state: AppState, cors_origins: &[String]) -> anyhow::Result<Router> {
    let request_id = HeaderName::from_static("x-request-id");
    let middleware = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::DEBUG)),
        )
        .layer(PropagateRequestIdLayer::new(request_id))
        .layer(CatchPanicLayer::custom(|_| {
            crate::error::AppError::Internal(anyhow::anyhow!("a request handler panicked")).into_response()
        }))
        .layer(CompressionLayer::new())
        .layer(DefaultBodyLimit::max(api::extract::BODY_LIMIT));
    let router = security::with_headers(api::router().layer(middleware)).layer(state.realtime.layer.clone());
    let router = match security::cors(cors_origins)? {
        Some(cors) => router.layer(cors),
        None => router,
    };
    Ok(router.with_state(state))
}

/// Every few seconds, the dashboard's health indicators get fresh numbers.
async fn broadcast_health(state: AppState, stop: CancellationToken) {
    let mut every = tokio::time::interval(HEALTH_EVERY);
    loop {
        tokio::select! {
            _ = every.tick() => {
                let health = api::system::health_now(&state);
                let event = Event::new("system:health", vec![GLOBAL.to_owned()], json!({ "health": health }));
                state.realtime.hub.publish(event).await;
            }
            () = stop.cancelled() => return,
        }
    }
}

/// Every few seconds, picks up user changes made by the CLI in another process.
async fn sync_users(state: AppState, stop: CancellationToken) {
    let mut every = tokio::time::interval(Duration::from_secs(5));
    loop {
        tokio::select! {
            _ = every.tick() => {
                if let Err(error) = state.auth.sync_users().await {
                    warn!(error = format!("{error:#}"), "could not reload users");
                }
            }
            () = stop.cancelled() => return,
        }
    }
}

/// Creates the `admin` user on a database that has no user yet. The password comes from
/// BATON_ADMIN_PASSWORD, or is generated and printed once (to the terminal, not the logs).
/// Returns true when the data directory is brand new (it had no user).
async fn first_admin(state: &AppState, password: Option<String>) -> anyhow::Result<bool> {
    if store::users::count(&state.db.reader).await? > 0 {
        return Ok(false);
    }
    let generated = password.is_none();
    let password = password.unwrap_or_else(secrets::generate_password);
    check_password(&password).map_err(|e| anyhow::anyhow!("BATON_ADMIN_PASSWORD {e}"))?;
    api::users::create(state, "admin".into(), password.clone(), Role::Admin)
        .await
        .map_err(|e| anyhow::anyhow!("cannot create the first admin: {e}"))?;
    if generated {
        eprintln!(
            "\n  Baton created the user \"admin\" with the password:\n\n      {password}\n\n  \
             It is shown only this once. Sign in and change it in Settings, or run:\n      \
             baton user passwd admin --data-dir {}\n",
            state.data_dir.display()
        );
    } else {
        info!("created the user \"admin\" with the password from BATON_ADMIN_PASSWORD");
    }
    Ok(true)
}

/// `baton serve`: logs, builds, serves until SIGINT or SIGTERM.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    telemetry::init(args.log_format, &args.log);
    // Listening for signals before anything else: a stop asked for while Baton starts (migrations,
    // reading the catalog) is honoured once it is up, instead of killing it half-way.
    let stop = shutdown_signal();
    let app = Application::build(&args).await?;
    info!(
        url = %format!("http://{}", app.local_addr()),
        data_dir = %app.state.data_dir.display(),
        "Baton {} is ready",
        env!("CARGO_PKG_VERSION")
    );
    app.run_until_stopped(stop).await
}

async fn bind(address: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(address).await.map_err(|error| match error.kind() {
        std::io::ErrorKind::AddrInUse => anyhow::anyhow!(
            "port {} on {} is already in use (is Baton already running?): stop the other program or choose another port with --port",
            address.port(),
            address.ip()
        ),
        std::io::ErrorKind::AddrNotAvailable => {
            anyhow::anyhow!("cannot listen on {address}: this machine has no such address (check --host)")
        }
        _ => anyhow::anyhow!("cannot listen on {address}: {error}"),
    })
}

/// Creates the data directory and checks that Baton can write in it, so a bad directory is
/// reported as such and not as a cryptic database error.
fn prepare_data_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| {
        format!("cannot create the data directory {} (set another with --data-dir)", dir.display())
    })?;
    let probe = dir.join(".baton-write-check");
    std::fs::write(&probe, b"ok").with_context(|| {
        format!("cannot write in the data directory {} (set another with --data-dir)", dir.display())
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// SIGINT or SIGTERM. The handlers are installed when this is called, not when it is awaited.
fn shutdown_signal() -> impl Future<Output = ()> {
    use tokio::signal::unix::{Signal, SignalKind, signal};
    async fn received(signal: Option<Signal>) {
        match signal {
            Some(mut signal) => {
                signal.recv().await;
            }
            None => std::future::pending().await,
        }
    }
    let interrupt = signal(SignalKind::interrupt()).ok();
    let terminate = signal(SignalKind::terminate()).ok();
    async move {
        tokio::select! {
            () = received(interrupt) => {},
            () = received(terminate) => {},
        }
    }
}
