//! Fast columns a search reads for every unit it matches (not only those shown): the key, type,
//! issuer, title, year, date and length of the document a unit belongs to.

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::columnar::{Column, StrColumn};
use tantivy::Searcher;

use super::results::iso;
use super::trend::DocInfo;

/// The fast columns of one segment that trends and facets read.
pub(super) struct DocColumns {
    key: StrColumn,
    doc_type: Option<StrColumn>,
    issuer: Option<StrColumn>,
    title: Option<StrColumn>,
    year: Option<Column<u64>>,
    date: Option<Column<tantivy::DateTime>>,
    chars: Option<Column<u64>>,
    /// Strings already looked up, by column and ordinal: a dictionary look-up costs more than
    /// the rest of reading a unit, and a search meets the same keys, types and issuers again.
    seen: RefCell<HashMap<(u8, u64), String>>,
}

impl DocColumns {
    fn string(&self, which: u8, col: &StrColumn, doc: u32) -> Option<String> {
        let o = col.term_ords(doc).next()?;
        if let Some(s) = self.seen.borrow().get(&(which, o)) {
            return Some(s.clone());
        }
        let mut s = String::new();
        col.ord_to_str(o, &mut s).ok()?;
        self.seen.borrow_mut().insert((which, o), s.clone());
        Some(s)
    }
}

impl DocColumns {
    fn open(searcher: &Searcher, seg: u32) -> tantivy::Result<DocColumns> {
        let ff = searcher.segment_reader(seg).fast_fields();
        Ok(DocColumns {
            key: ff
                .str("key")?
                .ok_or_else(|| tantivy::TantivyError::SchemaError("no fast column key".into()))?,
            doc_type: ff.str("doc_type")?,
            issuer: ff.str("issuer")?,
            title: ff.str("title")?,
            year: ff.u64("year").ok(),
            date: ff.date("date").ok(),
            chars: ff.u64("chars").ok(),
            seen: RefCell::new(HashMap::new()),
        })
    }
    /// The ordinal of a unit's key in its segment: cheaper to look up than the key.
    pub(super) fn key_ord(&self, doc: u32) -> Option<u64> {
        self.key.term_ords(doc).next()
    }
    pub(super) fn key(&self, doc: u32) -> String {
        self.string(0, &self.key, doc).unwrap_or_default()
    }
    /// The document's title.
    pub(super) fn title(&self, doc: u32) -> Option<String> {
        self.title.as_ref().and_then(|c| self.string(3, c, doc))
    }
    /// What facets count: the document's fields without its title.
    pub(super) fn facet_info(&self, doc: u32) -> DocInfo {
        let s = |w: u8, c: &Option<StrColumn>| c.as_ref().and_then(|c| self.string(w, c, doc));
        DocInfo {
            key: self.key(doc),
            title: None,
            date: self.date.as_ref().and_then(|c| c.first(doc)).map(iso),
            year: self.year.as_ref().and_then(|c| c.first(doc)),
            doc_type: s(1, &self.doc_type).unwrap_or_default(),
            issuer: s(2, &self.issuer),
            chars: 0,
        }
    }
    pub(super) fn info(&self, doc: u32) -> DocInfo {
        let s = |w: u8, c: &Option<StrColumn>| c.as_ref().and_then(|c| self.string(w, c, doc));
        DocInfo {
            key: self.key(doc),
            title: s(3, &self.title),
            date: self.date.as_ref().and_then(|c| c.first(doc)).map(iso),
            year: self.year.as_ref().and_then(|c| c.first(doc)),
            doc_type: s(1, &self.doc_type).unwrap_or_default(),
            issuer: s(2, &self.issuer),
            chars: self.chars.as_ref().and_then(|c| c.first(doc)).unwrap_or(0),
        }
    }
}

/// The columns of every segment, opened when first needed.
#[derive(Default)]
pub(super) struct Segments(HashMap<u32, DocColumns>);

impl Segments {
    pub(super) fn get(&mut self, searcher: &Searcher, seg: u32) -> tantivy::Result<&DocColumns> {
        use std::collections::hash_map::Entry;
        match self.0.entry(seg) {
            Entry::Occupied(e) => Ok(e.into_mut()),
            Entry::Vacant(e) => Ok(e.insert(DocColumns::open(searcher, seg)?)),
        }
    }
}

/// Collects, for each segment, the first unit of each document key among the units a query
/// matches: `(segment, unit)` pairs, one per key and segment, without scoring and without a
/// set of every matching unit.
pub(super) struct FirstUnitPerKey;

/// The [`FirstUnitPerKey`] collector of one segment.
pub(super) struct FirstUnits {
    segment: u32,
    key: Option<StrColumn>,
    /// The first unit of each key ordinal (`u32::MAX`: none yet).
    first: Vec<u32>,
}

impl tantivy::collector::Collector for FirstUnitPerKey {
    type Fruit = Vec<tantivy::DocAddress>;
    type Child = FirstUnits;

    fn for_segment(
        &self,
        segment: u32,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<FirstUnits> {
        let key = reader.fast_fields().str("key")?;
        let n = key.as_ref().map_or(0, |k| k.num_terms());
        Ok(FirstUnits {
            segment,
            key,
            first: vec![u32::MAX; n],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<tantivy::DocAddress>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl tantivy::collector::SegmentCollector for FirstUnits {
    type Fruit = Vec<tantivy::DocAddress>;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        let Some(key) = &self.key else { return };
        if let Some(o) = key.term_ords(doc).next() {
            let f = &mut self.first[o as usize];
            *f = (*f).min(doc);
        }
    }

    fn harvest(self) -> Self::Fruit {
        let segment = self.segment;
        self.first
            .into_iter()
            .filter(|&d| d != u32::MAX)
            .map(|d| tantivy::DocAddress::new(segment, d))
            .collect()
    }
}
