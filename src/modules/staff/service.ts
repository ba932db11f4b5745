export { createStaffSession, inviteStaff, removeStaff, SET_UP_PAGE, SET_UP_TTL_MS, updateStaff } from './actions';
export { inviteStaffInput, staffChangeInput, staffIdInput, staffSessionInput, updateStaffInput } from './inputs';
export { completeStaffTwoFactor, setUpStaff, signInStaff, signOutStaff, startStaffEnrolment, verifyStaffEnrolment, type TotpEnrolment } from './sign-in';
export { listStaff, type StaffView } from './view';
