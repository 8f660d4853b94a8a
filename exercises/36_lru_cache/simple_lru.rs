// Step 36, exercise 1: a simple LRU cache (HashMap + VecDeque)
//
// At most `capacity` entries. `get` and `put` both count as a use; `peek`
// does not. When a new key arrives and the cache is full, `put` evicts the
// least recently used entry and returns it. `order` holds the keys from least
// to most recently used. The tests are the spec: write `get` and `put`.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

struct LruCache<K, V> {
    capacity: usize,
    map: HashMap<K, V>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
    fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            map: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    fn len(&self) -> usize {
        self.map.len()
    }

    /// Looks without counting as a use.
    fn peek(&self, key: &K) -> Option<&V> {
        self.map.get(key)
    }

    // TODO: lookup and insertion are missing, and so is eviction: nothing
    // keeps the cache within its capacity yet.

    /// A hit counts as a use; a miss changes nothing.
    fn get(&mut self, key: &K) -> Option<&V> {
        todo!()
    }

    /// Inserts or updates `key`, which becomes the most recently used.
    /// Returns the entry evicted to make room, if any. An update never
    /// evicts; a cache of capacity 0 hands every new entry straight back.
    fn put(&mut self, key: K, value: V) -> Option<(K, V)> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_ab() -> LruCache<&'static str, i32> {
        let mut cache = LruCache::new(2);
        assert_eq!(cache.put("a", 1), None);
        assert_eq!(cache.put("b", 2), None);
        cache
    }

    #[test]
    fn a_full_cache_evicts_the_least_recently_used() {
        let mut cache = cache_ab();
        assert_eq!(cache.put("c", 3), Some(("a", 1)));
        assert_eq!((cache.len(), cache.peek(&"a")), (2, None));
        assert_eq!(cache.put("d", 4), Some(("b", 2)));
    }

    #[test]
    fn get_counts_as_a_use_and_peek_does_not() {
        let mut cache = cache_ab();
        assert_eq!(cache.get(&"a"), Some(&1)); // now "b" is the oldest
        assert_eq!(cache.get(&"zz"), None);
        assert_eq!(cache.put("c", 3), Some(("b", 2)));
        assert_eq!(cache.peek(&"a"), Some(&1)); // "a" stays the oldest
        assert_eq!(cache.put("d", 4), Some(("a", 1)));
    }

    #[test]
    fn an_update_refreshes_and_never_evicts() {
        let mut cache = cache_ab();
        assert_eq!(cache.put("a", 10), None);
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.put("c", 3), Some(("b", 2)));
        assert_eq!(cache.get(&"a"), Some(&10));
    }

    #[test]
    fn tiny_capacities() {
        let mut none = LruCache::new(0);
        assert_eq!(none.put("a", 1), Some(("a", 1)));
        assert_eq!((none.len(), none.get(&"a")), (0, None));
        let mut one = LruCache::new(1);
        assert_eq!(one.put('x', "first"), None);
        assert_eq!(one.put('x', "again"), None);
        assert_eq!(one.put('y', "second"), Some(('x', "again")));
        assert_eq!(one.get(&'y'), Some(&"second"));
    }
}
