//! What the machine Baton runs on is doing: CPU, memory, disk, and Baton's own process, read
//! from `/proc` and `statvfs`. CPU percentages need two samples; [`Sampler`] keeps the last one.

use std::{path::Path, sync::Mutex};

use serde::Serialize;
use utoipa::ToSchema;

/// The host's load.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct HostLoad {
    pub cpus: usize,
    /// Busy share of all CPUs since the previous sample, 0–100; null until there are two.
    pub cpu_percent: Option<f64>,
    pub load_average: [f64; 3],
    pub memory_total_bytes: u64,
    pub memory_available_bytes: u64,
    /// Of the file system that holds the data directory.
    pub disk_total_bytes: u64,
    pub disk_available_bytes: u64,
}

/// Baton's own process.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct ProcessLoad {
    pub rss_bytes: u64,
    /// Share of one CPU since the previous sample (can pass 100 with several threads).
    pub cpu_percent: Option<f64>,
}

#[derive(Debug, Clone, Copy)]
struct CpuSample {
    /// Jiffies of the whole machine: busy, total.
    busy: u64,
    total: u64,
    /// Jiffies of this process.
    process: u64,
}

/// Takes samples; CPU shares are measured between one sample and the next.
#[derive(Debug, Default)]
pub struct Sampler {
    last: Mutex<Option<CpuSample>>,
}

impl Sampler {
    pub fn sample(&self, data_dir: &Path) -> (HostLoad, ProcessLoad) {
        let now = read_cpu();
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let (host_cpu, process_cpu) = match (*last, now) {
            (Some(before), Some(now)) if now.total > before.total => {
                let total = (now.total - before.total) as f64;
                let cpus = std::thread::available_parallelism().map_or(1, usize::from) as f64;
                let busy = now.busy.saturating_sub(before.busy) as f64 / total * 100.0;
                let process = now.process.saturating_sub(before.process) as f64 / total * 100.0 * cpus;
                (Some(round(busy)), Some(round(process)))
            }
            _ => (None, None),
        };
        if now.is_some() {
            *last = now;
        }
        drop(last);
        let memory = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let (disk_total, disk_available) = disk(data_dir);
        let host = HostLoad {
            cpus: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_percent: host_cpu,
            load_average: load_average(&std::fs::read_to_string("/proc/loadavg").unwrap_or_default()),
            memory_total_bytes: meminfo(&memory, "MemTotal:"),
            memory_available_bytes: meminfo(&memory, "MemAvailable:"),
            disk_total_bytes: disk_total,
            disk_available_bytes: disk_available,
        };
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let process = ProcessLoad { rss_bytes: meminfo(&status, "VmRSS:"), cpu_percent: process_cpu };
        (host, process)
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn read_cpu() -> Option<CpuSample> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let (busy, total) = cpu_jiffies(&stat)?;
    let process = process_jiffies(&std::fs::read_to_string("/proc/self/stat").ok()?)?;
    Some(CpuSample { busy, total, process })
}

/// Busy and total jiffies from the `cpu` line of `/proc/stat`.
fn cpu_jiffies(stat: &str) -> Option<(u64, u64)> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let values: Vec<u64> = line.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
    let total: u64 = values.iter().take(8).sum();
    // idle + iowait
    let idle = values.get(3).copied().unwrap_or(0) + values.get(4).copied().unwrap_or(0);
    Some((total.saturating_sub(idle), total))
}

/// utime + stime of `/proc/self/stat` (fields 14 and 15; the name in parentheses may hold spaces).
fn process_jiffies(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // after ")": state is field 3, so utime (14) is index 11 and stime (15) index 12.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn load_average(text: &str) -> [f64; 3] {
    let mut values = text.split_whitespace().map(|v| v.parse().unwrap_or(0.0));
    [values.next().unwrap_or(0.0), values.next().unwrap_or(0.0), values.next().unwrap_or(0.0)]
}

/// A `Name:   123 kB` line of `/proc/meminfo` or `/proc/self/status`, in bytes.
fn meminfo(text: &str, key: &str) -> u64 {
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn disk(path: &Path) -> (u64, u64) {
    match nix::sys::statvfs::statvfs(path) {
        Ok(stat) => {
            let block = stat.fragment_size();
            (stat.blocks() * block, stat.blocks_available() * block)
        }
        Err(_) => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_formats() {
        let stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n";
        assert_eq!(cpu_jiffies(stat), Some((150, 1000)));
        let own = "1234 (baton (serve)) S 1 1234 1234 0 -1 4194560 100 0 0 0 70 30 0 0 20 0 8 0";
        assert_eq!(process_jiffies(own), Some(100));
        assert_eq!(load_average("0.50 1.25 2.00 1/200 999"), [0.5, 1.25, 2.0]);
        assert_eq!(
            meminfo("MemTotal:       16384 kB\nMemAvailable:    8192 kB\n", "MemAvailable:"),
            8192 * 1024
        );
    }

    #[test]
    fn a_second_sample_measures_cpu() {
        let sampler = Sampler::default();
        let dir = std::env::temp_dir();
        let (first, _) = sampler.sample(&dir);
        assert!(first.cpu_percent.is_none());
        assert!(first.memory_total_bytes > 0);
        std::thread::sleep(std::time::Duration::from_millis(120));
        let (second, process) = sampler.sample(&dir);
        assert!(second.disk_total_bytes > 0);
        let cpu = second.cpu_percent.expect("two samples give a share");
        assert!((0.0..=100.0).contains(&cpu));
        assert!(process.rss_bytes > 0);
    }
}
