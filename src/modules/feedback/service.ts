export { submitFeedback } from './actions';
export { feedbackInput, feedbackKinds, staffFeedbackQuery, MESSAGE_MAX, type FeedbackKind } from './inputs';
export { portalPage } from './page-path';
export { listFeedback, type FeedbackView, type StaffFeedbackView } from './store';
