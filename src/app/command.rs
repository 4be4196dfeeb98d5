//! Every action a user can take from a menu, a shortcut or the command
//! palette: one enum, so the three can never disagree about what exists,
//! what it is called, or which keys run it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user command. Menus, keyboard shortcuts and the palette all produce
/// these; [`crate::app::OnRecordApp`] runs them in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    ImportFiles,
    ImportFolder,
    OpenSession,
    SaveSessionAs,
    NewSession,
    ExportReport,
    BackUpLibrary,
    Quit,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    TextLarger,
    TextSmaller,
    TextDefault,
    ShowLibrary,
    ShowSpeakers,
    ShowTopics,
    ShowReader,
    ShowCompare,
    ShowTimeline,
    Search,
    CommandPalette,
    NextChange,
    PreviousChange,
    ToggleScrollLock,
    Shortcuts,
    About,
}

/// The menu a command lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    View,
    Go,
    Help,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 27] = [
        Command::ImportFiles,
        Command::ImportFolder,
        Command::NewSession,
        Command::OpenSession,
        Command::SaveSessionAs,
        Command::ExportReport,
        Command::BackUpLibrary,
        Command::Quit,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::TextLarger,
        Command::TextSmaller,
        Command::TextDefault,
        Command::ShowLibrary,
        Command::ShowSpeakers,
        Command::ShowTopics,
        Command::ShowReader,
        Command::ShowCompare,
        Command::ShowTimeline,
        Command::Search,
        Command::CommandPalette,
        Command::NextChange,
        Command::PreviousChange,
        Command::ToggleScrollLock,
        Command::Shortcuts,
        Command::About,
    ];

    /// The words on the menu item and in the palette.
    pub fn label(self) -> &'static str {
        match self {
            Command::ImportFiles => "Import files…",
            Command::ImportFolder => "Import folder…",
            Command::OpenSession => "Open session…",
            Command::SaveSessionAs => "Save session as…",
            Command::NewSession => "New session",
            Command::ExportReport => "Export report…",
            Command::BackUpLibrary => "Back up library…",
            Command::Quit => "Quit",
            Command::ThemeSystem => "Theme: follow the system",
            Command::ThemeLight => "Theme: light",
            Command::ThemeDark => "Theme: dark",
            Command::TextLarger => "Larger text",
            Command::TextSmaller => "Smaller text",
            Command::TextDefault => "Default text size",
            Command::ShowLibrary => "Library",
            Command::ShowSpeakers => "Speakers",
            Command::ShowTopics => "Topics",
            Command::ShowReader => "Article reader",
            Command::ShowCompare => "Compare",
            Command::ShowTimeline => "Timeline",
            Command::Search => "Search the library",
            Command::CommandPalette => "Command palette…",
            Command::NextChange => "Next change",
            Command::PreviousChange => "Previous change",
            Command::ToggleScrollLock => "Lock or unlock synchronized scrolling",
            Command::Shortcuts => "Keyboard shortcuts",
            Command::About => "About On Record",
        }
    }

    pub fn menu(self) -> Menu {
        use Command::*;
        match self {
            ImportFiles | ImportFolder | OpenSession | SaveSessionAs | NewSession
            | ExportReport | BackUpLibrary | Quit => Menu::File,
            ThemeSystem | ThemeLight | ThemeDark | TextLarger | TextSmaller | TextDefault
            | ToggleScrollLock => Menu::View,
            ShowLibrary | ShowSpeakers | ShowTopics | ShowReader | ShowCompare | ShowTimeline
            | Search | CommandPalette | NextChange | PreviousChange => Menu::Go,
            Shortcuts | About => Menu::Help,
        }
    }

    /// The primary shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let ctrl = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let alt = |key| Some(KeyboardShortcut::new(Modifiers::ALT, key));
        match self {
            Command::ImportFiles => ctrl(Key::O),
            Command::ImportFolder => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::O,
            )),
            Command::SaveSessionAs => ctrl(Key::S),
            Command::ExportReport => ctrl(Key::E),
            Command::Quit => ctrl(Key::Q),
            Command::TextLarger => ctrl(Key::Equals),
            Command::TextSmaller => ctrl(Key::Minus),
            Command::TextDefault => ctrl(Key::Num0),
            Command::ShowLibrary => alt(Key::Num1),
            Command::ShowSpeakers => alt(Key::Num2),
            Command::ShowTopics => alt(Key::Num3),
            Command::ShowReader => ctrl(Key::Num1),
            Command::ShowCompare => ctrl(Key::Num2),
            Command::ShowTimeline => ctrl(Key::Num3),
            Command::Search => ctrl(Key::F),
            Command::CommandPalette => ctrl(Key::K),
            Command::NextChange => alt(Key::ArrowDown),
            Command::PreviousChange => alt(Key::ArrowUp),
            Command::ToggleScrollLock => ctrl(Key::L),
            Command::Shortcuts => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            _ => None,
        }
    }

    /// Further keys that run the command (F7 walks changes as in other diff tools).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const F7: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F7);
        const SHIFT_F7: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F7);
        const CTRL_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
        match self {
            Command::NextChange => &[F7],
            Command::PreviousChange => &[SHIFT_F7],
            Command::TextLarger => &[CTRL_PLUS],
            _ => &[],
        }
    }

    /// The shortcut as the platform writes it ("Ctrl+O").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }
}

impl Menu {
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::View => "View",
            Menu::Go => "Go",
            Menu::Help => "Help",
        }
    }

    pub const ALL: [Menu; 4] = [Menu::File, Menu::View, Menu::Go, Menu::Help];
}

/// Commands whose words contain every word of `query` (case-insensitive),
/// for the palette.
pub fn matching(query: &str) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::ALL
        .into_iter()
        .filter(|c| {
            let label = c.label().to_lowercase();
            words.iter().all(|w| label.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_command_is_listed_once() {
        let unique: HashSet<Command> = Command::ALL.into_iter().collect();
        assert_eq!(unique.len(), Command::ALL.len());
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = HashSet::new();
        for c in Command::ALL {
            let keys = c
                .shortcut()
                .into_iter()
                .chain(c.alternative_shortcuts().iter().copied());
            for k in keys {
                assert!(
                    seen.insert((
                        k.modifiers.ctrl || k.modifiers.command,
                        k.modifiers.alt,
                        k.modifiers.shift,
                        k.logical_key
                    )),
                    "{c:?} reuses {k:?}"
                );
            }
        }
    }

    #[test]
    fn the_palette_finds_commands_by_any_words() {
        assert_eq!(matching("session save"), vec![Command::SaveSessionAs]);
        assert!(matching("theme").len() == 3);
        assert_eq!(matching("").len(), Command::ALL.len());
        assert!(matching("no such thing").is_empty());
    }
}
