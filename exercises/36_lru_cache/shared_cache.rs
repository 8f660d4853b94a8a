// Step 36, exercise 2: share the cache between threads, in shards
//
// Even a lookup changes the recency order, so each access needs a cache to
// itself: behind a Mutex, with &self methods. One lock for all would make the
// threads queue, so keys are spread by hash over shards, each with its own
// lock. Values come out as clones (a reference cannot outlive its lock; store
// Arc<V> to make clones cheap). The tests are the spec.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Exercise 1's cache, condensed.
struct LruCache<K, V> {
    capacity: usize,
    map: HashMap<K, V>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
    fn get(&mut self, key: &K) -> Option<&V> {
        if let Some(pos) = self.order.iter().position(|k| k == key) {
            let k = self.order.remove(pos).expect("pos is in range");
            self.order.push_back(k);
        }
        self.map.get(key)
    }

    fn put(&mut self, key: K, value: V) {
        if self.map.insert(key.clone(), value).is_some() {
            self.get(&key); // refresh
            return;
        }
        self.order.push_back(key);
        if self.map.len() > self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.map.remove(&oldest);
        }
    }
}

struct ShardedCache<K, V> {
    shards: Vec<Mutex<LruCache<K, V>>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

// TODO: every method below is still missing. Threads must be able to share
// one cache through a plain shared reference.
impl<K: Hash + Eq + Clone, V: Clone> ShardedCache<K, V> {
    /// `shards` caches (0 counts as 1) of `per_shard` entries each.
    fn new(shards: usize, per_shard: usize) -> Self {
        todo!()
    }

    /// The shard that owns `key`: the same key always maps to the same shard.
    fn shard(&self, key: &K) -> &Mutex<LruCache<K, V>> {
        todo!()
    }

    /// A copy of the cached value; counts one hit or one miss.
    fn get(&self, key: &K) -> Option<V> {
        todo!()
    }

    fn put(&self, key: K, value: V) {
        todo!()
    }

    /// The cached value, or else `make`'s, cached and returned. `make` runs
    /// with no lock held: a slow computation must not block other threads.
    fn get_or_insert_with(&self, key: K, make: impl FnOnce(&K) -> V) -> V {
        todo!()
    }

    /// Entries in all shards together.
    fn len(&self) -> usize {
        todo!()
    }

    /// (hits, misses) so far.
    fn stats(&self) -> (u64, u64) {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{sync::Arc, thread};

    #[test]
    fn values_come_out_as_copies_and_make_runs_unlocked() {
        let cache: ShardedCache<u32, Arc<str>> = ShardedCache::new(4, 2);
        cache.put(7, Arc::from("seven"));
        assert_eq!(cache.get(&7).as_deref(), Some("seven"));
        assert_eq!(cache.get(&8), None);
        assert_eq!((cache.stats(), cache.len()), ((1, 1), 1));
        let cache = ShardedCache::new(1, 4);
        let value = cache.get_or_insert_with("k", |_| {
            assert!(cache.shards[0].try_lock().is_ok(), "make ran under the lock");
            42
        });
        assert_eq!((value, cache.get(&"k")), (42, Some(42)));
        assert_eq!(cache.get_or_insert_with("k", |_| unreachable!("cached")), 42);
    }

    #[test]
    fn threads_share_the_cache_and_shards_stay_bounded() {
        let cache = ShardedCache::new(4, 16);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for i in 0..50u64 {
                        assert_eq!(cache.get_or_insert_with(i % 10, |k| k * k), (i % 10).pow(2));
                    }
                });
            }
        });
        let (hits, misses) = cache.stats();
        assert_eq!((cache.len(), hits + misses), (10, 200));
        assert!(misses >= 10, "each key missed at least once");
        thread::scope(|s| {
            for t in 0..4 {
                let cache = &cache;
                s.spawn(move || (100..200).for_each(|i| cache.put(t * 100 + i, i)));
            }
        });
        assert_eq!(cache.len(), 4 * 16, "each shard keeps its capacity");
    }
}
