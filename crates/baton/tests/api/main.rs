//! Integration tests: the real server on port 0 with a fresh data directory per test.

mod auth;
mod authorization;
mod catalog;
mod cli;
mod config;
mod dashboard;
mod engine;
mod health;
mod helpers;
mod hooks;
mod mcp;
mod orchestrator;
mod projects;
mod realtime;
mod restart;
mod startup;
mod storage;
mod webhooks;
