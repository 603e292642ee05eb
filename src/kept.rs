//! What a server keeps in memory of what it has read or worked out, by key, bounded:
//! past its size the map starts again empty, as what it holds is only ever a shortcut.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

pub struct KeptMap<K, V> {
    entries: Mutex<HashMap<K, V>>,
    most: usize,
}

impl<K: Eq + Hash, V: Clone> KeptMap<K, V> {
    /// A map that keeps at most `most` entries.
    pub fn new(most: usize) -> Self {
        KeptMap { entries: Mutex::default(), most }
    }

    pub fn get<Q: Eq + Hash + ?Sized>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.entries.lock().ok()?.get(key).cloned()
    }

    pub fn put(&self, key: K, value: V) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= self.most {
                entries.clear();
            }
            entries.insert(key, value);
        }
    }

    pub fn forget<Q: Eq + Hash + ?Sized>(&self, key: &Q)
    where
        K: Borrow<Q>,
    {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_map_starts_again_empty() {
        let kept = KeptMap::new(2);
        kept.put("a".to_owned(), 1);
        kept.put("b".to_owned(), 2);
        assert_eq!((kept.get("a"), kept.get("b")), (Some(1), Some(2)));
        kept.put("c".to_owned(), 3);
        assert_eq!((kept.get("a"), kept.get("b"), kept.get("c")), (None, None, Some(3)));
        kept.forget("c");
        assert_eq!(kept.get("c"), None);
    }
}
