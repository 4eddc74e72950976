//! The polite live region: what a screen reader hears a little after the applicant pauses.

use borang::ui;

use super::state::Inner;

impl Inner {
    pub(crate) fn on_announce(&self) {
        let mut st = self.state.borrow_mut();
        st.announce_timer = None;
        let Some(s) = st.announce.take() else { return };
        let text = ui::announcement(&st.sections[s].report, self.lang);
        if let Some(live) = &st.live {
            live.set_text_content(Some(&text));
        }
    }
}
