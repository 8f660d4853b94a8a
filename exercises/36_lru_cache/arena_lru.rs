// Step 36, exercise 3: an O(1) LRU cache on an index-linked list
//
// Exercise 1's deque makes every use O(n). Here the map points at nodes of a
// doubly linked list (most recent at `head`), so a use moves a node to the
// head in O(1). Nodes live in a Vec and link by index: no Rc, no RefCell, no
// unsafe. An evicted node's slot is reused, so `nodes` never outgrows the
// capacity. The tests are the spec, with a long run checked against a model.

use std::collections::HashMap;
use std::hash::Hash;

const NIL: usize = usize::MAX; // "no node": the end of the list

struct Node<K, V> {
    key: K,
    value: V,
    prev: usize,
    next: usize,
}

struct LruCache<K, V> {
    capacity: usize,
    map: HashMap<K, usize>,
    nodes: Vec<Node<K, V>>,
    head: usize,
    tail: usize,
}

impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
    fn new(capacity: usize) -> Self {
        // Grown on demand: a huge capacity (usize::MAX for "no limit") must
        // not reserve memory up front.
        let (map, nodes) = (HashMap::new(), Vec::new());
        LruCache { capacity, map, nodes, head: NIL, tail: NIL }
    }

    /// Keys from most to least recently used.
    fn keys(&self) -> Vec<&K> {
        let next = |&i: &usize| Some(self.nodes[i].next).filter(|&n| n != NIL);
        let order = std::iter::successors((self.head != NIL).then_some(self.head), next);
        order.map(|i| &self.nodes[i].key).collect()
    }

    // TODO: nothing below links, finds, inserts or evicts yet: every use must
    // be O(1), with no scan of the list or of the map.

    /// Takes node `i` out of the list, joining its neighbours.
    fn unlink(&mut self, i: usize) {
        todo!()
    }

    /// Puts node `i`, not in the list, at the head: the most recently used.
    fn push_front(&mut self, i: usize) {
        todo!()
    }

    /// A hit counts as a use.
    fn get(&mut self, key: &K) -> Option<&V> {
        todo!()
    }

    /// Inserts or updates `key`, now the most recently used, and returns the
    /// entry evicted to make room. Capacity 0 hands the new entry back.
    fn put(&mut self, key: K, value: V) -> Option<(K, V)> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_reorder_the_tail_is_evicted_and_tiny_capacities_work() {
        let mut cache = LruCache::new(3);
        let puts = [cache.put("a", 1), cache.put("b", 2), cache.put("c", 3)];
        assert_eq!(puts, [None, None, None]);
        assert_eq!(cache.keys(), [&"c", &"b", &"a"]);
        assert_eq!(cache.get(&"a"), Some(&1));
        assert_eq!(cache.put("b", 20), None);
        assert_eq!(cache.keys(), [&"b", &"a", &"c"]);
        assert_eq!(cache.put("d", 4), Some(("c", 3)));
        assert_eq!(cache.keys(), [&"d", &"b", &"a"]);
        assert_eq!((cache.map.len(), cache.nodes.len()), (3, 3));
        let mut none = LruCache::new(0);
        assert_eq!(none.put(1, 'x'), Some((1, 'x')));
        assert!(none.keys().is_empty() && none.get(&1).is_none());
        let mut one = LruCache::new(1);
        assert_eq!((one.put(1, 'x'), one.put(2, 'y')), (None, Some((1, 'x'))));
        assert_eq!(one.get(&2), Some(&'y'));
        assert_eq!((one.keys(), one.nodes.len()), (vec![&2], 1));
    }

    #[test]
    fn a_long_run_matches_a_simple_model() {
        let (mut cache, mut model) = (LruCache::new(5), Vec::<(u32, u32)>::new());
        let mut seed = 7u32;
        for step in 0..3000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let key = (seed >> 16) % 9;
            if seed.is_multiple_of(3) {
                let expected = model.iter().position(|e| e.0 == key).map(|at| model.remove(at));
                model.extend(expected);
                assert_eq!(cache.get(&key).copied(), expected.map(|e| e.1), "step {step}");
            } else {
                model.retain(|e| e.0 != key);
                model.push((key, step));
                let evicted = if model.len() > 5 { Some(model.remove(0)) } else { None };
                assert_eq!(cache.put(key, step), evicted, "step {step}");
            }
            let newest_first: Vec<&u32> = model.iter().rev().map(|e| &e.0).collect();
            assert_eq!(cache.keys(), newest_first, "step {step}");
        }
    }
}
