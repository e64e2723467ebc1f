//! The global limit of agents running at once, resizable while tasks hold slots: growing adds
//! permits at once, shrinking takes them back as running tasks finish.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};

#[derive(Debug)]
pub struct Slots {
    semaphore: Arc<Semaphore>,
    size: AtomicUsize,
}

impl Slots {
    pub fn new(size: usize) -> Self {
        let size = size.max(1);
        Self { semaphore: Arc::new(Semaphore::new(size)), size: AtomicUsize::new(size) }
    }

    /// The limit in force.
    pub fn size(&self) -> usize {
        self.size.load(Ordering::Relaxed)
    }

    /// Slots in use.
    pub fn in_use(&self) -> usize {
        self.size().saturating_sub(self.semaphore.available_permits())
    }

    pub async fn acquire(&self) -> Result<OwnedSemaphorePermit, tokio::sync::AcquireError> {
        self.semaphore.clone().acquire_owned().await
    }

    /// Sets the limit to `size` (at least one).
    pub fn resize(&self, size: usize) {
        let size = size.max(1);
        let old = self.size.swap(size, Ordering::Relaxed);
        if size > old {
            self.semaphore.add_permits(size - old);
            return;
        }
        let mut surplus = old - size;
        // Free slots go at once; the rest as the tasks holding them end.
        while surplus > 0 {
            match self.semaphore.clone().try_acquire_owned() {
                Ok(permit) => {
                    permit.forget();
                    surplus -= 1;
                }
                Err(TryAcquireError::NoPermits | TryAcquireError::Closed) => break,
            }
        }
        if surplus > 0 {
            let semaphore = self.semaphore.clone();
            let count = u32::try_from(surplus).unwrap_or(u32::MAX);
            tokio::spawn(async move {
                if let Ok(permits) = semaphore.acquire_many_owned(count).await {
                    permits.forget();
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn growing_frees_slots_at_once_and_shrinking_takes_them_back_as_tasks_end() {
        let slots = Slots::new(1);
        let held = slots.acquire().await.expect("works");
        slots.resize(2);
        let second = slots.acquire().await.expect("works");
        assert_eq!(slots.in_use(), 2);
        slots.resize(1);
        drop(held);
        drop(second);
        tokio::task::yield_now().await;
        let only = slots.acquire().await.expect("works");
        assert!(tokio::time::timeout(std::time::Duration::from_millis(50), slots.acquire()).await.is_err());
        drop(only);
        assert_eq!(slots.size(), 1);
    }
}
