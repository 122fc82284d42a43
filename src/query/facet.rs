//! [`PerFacet`]: one value per facet of the catalogue ([`Facet`]), by name.

pub use crate::model::Facet;

/// One `T` per facet, as named fields: a new [`Facet`] variant fails to compile until it has
/// its field here (in [`PerFacet::get`]), and then until every `PerFacet` is built with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct PerFacet<T> {
    pub region: T,
    pub material: T,
    pub theme: T,
    pub kind: T,
    pub stage: T,
    pub organisation: T,
    pub year: T,
    pub status: T,
}

impl<T> PerFacet<T> {
    /// Calls `f` for every facet, in [`Facet::ALL`] order.
    pub fn from_fn(mut f: impl FnMut(Facet) -> T) -> PerFacet<T> {
        PerFacet {
            region: f(Facet::Region),
            material: f(Facet::Material),
            theme: f(Facet::Theme),
            kind: f(Facet::Kind),
            stage: f(Facet::Stage),
            organisation: f(Facet::Organisation),
            year: f(Facet::Year),
            status: f(Facet::Status),
        }
    }

    pub fn get(&self, facet: Facet) -> &T {
        match facet {
            Facet::Region => &self.region,
            Facet::Material => &self.material,
            Facet::Theme => &self.theme,
            Facet::Kind => &self.kind,
            Facet::Stage => &self.stage,
            Facet::Organisation => &self.organisation,
            Facet::Year => &self.year,
            Facet::Status => &self.status,
        }
    }

    pub fn get_mut(&mut self, facet: Facet) -> &mut T {
        match facet {
            Facet::Region => &mut self.region,
            Facet::Material => &mut self.material,
            Facet::Theme => &mut self.theme,
            Facet::Kind => &mut self.kind,
            Facet::Stage => &mut self.stage,
            Facet::Organisation => &mut self.organisation,
            Facet::Year => &mut self.year,
            Facet::Status => &mut self.status,
        }
    }

    /// Every facet with its value, in [`Facet::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &T)> {
        let PerFacet { region, material, theme, kind, stage, organisation, year, status } = self;
        [
            (Facet::Region, region),
            (Facet::Material, material),
            (Facet::Theme, theme),
            (Facet::Kind, kind),
            (Facet::Stage, stage),
            (Facet::Organisation, organisation),
            (Facet::Year, year),
            (Facet::Status, status),
        ]
        .into_iter()
    }

    /// Every facet with its value, mutable, in [`Facet::ALL`] order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (Facet, &mut T)> {
        let PerFacet { region, material, theme, kind, stage, organisation, year, status } = self;
        [
            (Facet::Region, region),
            (Facet::Material, material),
            (Facet::Theme, theme),
            (Facet::Kind, kind),
            (Facet::Stage, stage),
            (Facet::Organisation, organisation),
            (Facet::Year, year),
            (Facet::Status, status),
        ]
        .into_iter()
    }

    /// The values with `f` applied, facet by facet.
    pub fn map<U>(self, mut f: impl FnMut(Facet, T) -> U) -> PerFacet<U> {
        let PerFacet { region, material, theme, kind, stage, organisation, year, status } = self;
        PerFacet {
            region: f(Facet::Region, region),
            material: f(Facet::Material, material),
            theme: f(Facet::Theme, theme),
            kind: f(Facet::Kind, kind),
            stage: f(Facet::Stage, stage),
            organisation: f(Facet::Organisation, organisation),
            year: f(Facet::Year, year),
            status: f(Facet::Status, status),
        }
    }
}

impl<T> PerFacet<T> {
    /// Pairs the values of two `PerFacet`s, facet by facet.
    pub fn zip<U>(self, other: PerFacet<U>) -> PerFacet<(T, U)> {
        let PerFacet { region, material, theme, kind, stage, organisation, year, status } = self;
        PerFacet {
            region: (region, other.region),
            material: (material, other.material),
            theme: (theme, other.theme),
            kind: (kind, other.kind),
            stage: (stage, other.stage),
            organisation: (organisation, other.organisation),
            year: (year, other.year),
            status: (status, other.status),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_facet_once_in_field_order() {
        let named = PerFacet::from_fn(|f| f);
        let order: Vec<Facet> = named
            .iter()
            .map(|(f, &v)| {
                assert_eq!(f, v);
                f
            })
            .collect();
        assert_eq!(order, Facet::ALL);
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(facet.index(), i);
            assert_eq!(*named.get(facet), facet);
        }
    }
}
