// Step 36: project: an LRU cache
//
// At most `capacity` entries; when full, `put` evicts the least recently used
// key and returns that entry. `order` holds the keys, least recent first; both
// `get` and `put` count as a use. As shipped a test fails: a hit in `get` does
// not refresh its key, so the wrong entry is evicted. Only fix the TODO.

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

    /// Moves `key` to the most recent end. O(n), fine for a small cache.
    fn touch(&mut self, key: &K) {
        if let Some(pos) = self.order.iter().position(|k| k == key) {
            let k = self.order.remove(pos).expect("position is in range");
            self.order.push_back(k);
        }
    }

    fn get(&mut self, key: &K) -> Option<&V> {
        // TODO: a hit is a use. Mark `key` as most recently used first.
        self.map.get(key)
    }

    fn put(&mut self, key: K, value: V) -> Option<(K, V)> {
        if self.map.insert(key.clone(), value).is_some() {
            self.touch(&key); // an update: same size, key is now the newest
            return None;
        }
        self.order.push_back(key);
        if self.map.len() <= self.capacity {
            return None;
        }
        let oldest = self.order.pop_front()?;
        self.map.remove_entry(&oldest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_ab() -> LruCache<&'static str, i32> {
        let mut cache = LruCache::new(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache
    }

    #[test]
    fn evicts_the_least_recently_put() {
        let mut cache = cache_ab();
        assert_eq!(cache.put("a", 10), None); // an update: refreshes "a"
        assert_eq!(cache.put("c", 3), Some(("b", 2)));
        assert_eq!(cache.get(&"b"), None);
        assert_eq!(cache.get(&"a"), Some(&10));
    }

    #[test]
    fn get_counts_as_a_use() {
        let mut cache = cache_ab();
        assert_eq!(cache.get(&"a"), Some(&1)); // now "b" is the oldest
        assert_eq!(cache.put("c", 3), Some(("b", 2)));
        assert_eq!(cache.get(&"a"), Some(&1));
    }
}
