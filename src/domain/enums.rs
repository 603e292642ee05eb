//! The closed vocabularies of the data model, stored as lower-case text.

use std::fmt;
use std::str::FromStr;

/// A value that is not one of an enumeration's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a known {}", self.value, self.kind)
    }
}

impl std::error::Error for UnknownValue {}

/// Declares an enumeration stored as text, with its stored names and human labels.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($variant:ident => $stored:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name stored in the database and used in URLs and forms.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $stored,)+
                }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($stored => Ok($name::$variant),)+
                    _ => Err(UnknownValue { kind: $kind, value: value.to_owned() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

text_enum!(
    /// The job family an employee belongs to.
    JobFamily, "job family" {
        Fulfillment => "fulfillment", "Fulfillment";
        Operations => "operations", "Operations";
        Corporate => "corporate", "Corporate";
        Technical => "technical", "Technical";
        Retail => "retail", "Retail";
        Transportation => "transportation", "Transportation";
    }
);

text_enum!(
    /// The kind of site an employee works at.
    SiteType, "site type" {
        FulfillmentCenter => "fulfillment_center", "Fulfillment center";
        CorporateOffice => "corporate_office", "Corporate office";
        TechHub => "tech_hub", "Tech hub";
        RetailStore => "retail_store", "Retail store";
        TransportationNetwork => "transportation_network", "Transportation network";
    }
);

text_enum!(
    /// Full- or part-time employment; decides the tuition cap.
    EmploymentType, "employment type" {
        FullTime => "full_time", "Full-time";
        PartTime => "part_time", "Part-time";
    }
);

text_enum!(
    /// How a program is taken: a cohort with intakes, at one's own pace, or paid tuition.
    ProgramKind, "program kind" {
        Cohort => "cohort", "Cohort";
        SelfPaced => "self_paced", "Self-paced";
        Tuition => "tuition", "Tuition";
    }
);

text_enum!(
    /// Whether a program leads to a technical or a non-technical role.
    Category, "category" {
        Technical => "technical", "Technical";
        NonTechnical => "non_technical", "Non-technical";
    }
);

text_enum!(
    /// Where a program is taught.
    Format, "format" {
        OnSite => "on_site", "On site";
        Online => "online", "Online";
        Hybrid => "hybrid", "Hybrid";
    }
);

text_enum!(
    /// A program's publication state; only published programs appear in the catalog.
    ProgramStatus, "program status" {
        Draft => "draft", "Draft";
        Published => "published", "Published";
        Archived => "archived", "Archived";
    }
);

text_enum!(
    /// Where an application stands in the state machine of `domain::application`.
    ApplicationStatus, "application status" {
        Submitted => "submitted", "Submitted";
        ChangesRequested => "changes_requested", "Changes requested";
        ManagerApproved => "manager_approved", "Manager approved";
        Approved => "approved", "Approved";
        Waitlisted => "waitlisted", "Waitlisted";
        Rejected => "rejected", "Rejected";
        Withdrawn => "withdrawn", "Withdrawn";
        Completed => "completed", "Completed";
    }
);

impl ApplicationStatus {
    /// Rejected, withdrawn and completed applications never change again.
    pub fn is_final(self) -> bool {
        matches!(self, ApplicationStatus::Rejected | ApplicationStatus::Withdrawn | ApplicationStatus::Completed)
    }

    /// The statuses in which an application is active (at most one per employee and program).
    pub const ACTIVE: [ApplicationStatus; 5] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::ManagerApproved,
        ApplicationStatus::Approved,
        ApplicationStatus::Waitlisted,
    ];
}

/// Parses a comma-separated list of stored names; an empty text is an empty list.
pub fn parse_list<T: FromStr<Err = UnknownValue>>(text: &str) -> Result<Vec<T>, UnknownValue> {
    text.split(',').map(str::trim).filter(|part| !part.is_empty()).map(T::from_str).collect()
}

/// Joins values into the comma-separated text `parse_list` reads.
pub fn join_list<T: Copy>(values: &[T], as_str: fn(T) -> &'static str) -> String {
    values.iter().map(|v| as_str(*v)).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_stored_name() {
        for family in JobFamily::ALL {
            assert_eq!(family.as_str().parse::<JobFamily>(), Ok(*family));
        }
        for site in SiteType::ALL {
            assert_eq!(site.as_str().parse::<SiteType>(), Ok(*site));
        }
    }

    #[test]
    fn unknown_names_are_refused_with_their_kind() {
        let err = "astronaut".parse::<JobFamily>().unwrap_err();
        assert_eq!(err.to_string(), "\"astronaut\" is not a known job family");
    }

    #[test]
    fn lists_parse_and_join() {
        let list: Vec<SiteType> = parse_list("tech_hub, retail_store").unwrap();
        assert_eq!(list, vec![SiteType::TechHub, SiteType::RetailStore]);
        assert_eq!(join_list(&list, SiteType::as_str), "tech_hub,retail_store");
        assert!(parse_list::<SiteType>("").unwrap().is_empty());
        assert!(parse_list::<SiteType>("moon_base").is_err());
    }
}
