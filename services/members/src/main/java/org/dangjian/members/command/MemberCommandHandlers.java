package org.dangjian.members.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The member record's command handlers: each loads the record and hands it the configured {@link MembershipRules}
 * (periods and today's date), which the record decides with.
 */
@Component
class MemberCommandHandlers {

    private final Repository<Member> members;
    private final Repository<LoginName> loginNames;
    private final MembershipRules rules;
    private final PointsRules points;
    private final QualificationRules qualification;

    MemberCommandHandlers(Repository<Member> members, Repository<LoginName> loginNames, MembershipRules rules, PointsRules points,
                          QualificationRules qualification) {
        this.members = members;
        this.loginNames = loginNames;
        this.rules = rules;
        this.points = points;
        this.qualification = qualification;
    }

    @CommandHandler
    void handle(RecordApplicationCommand command) throws Exception {
        if (command.scope() == null || !command.scope().covers(command.branchId())) {
            throw org.dangjian.runtime.domain.RuleViolation.notFound("BRANCH_NOT_FOUND",
                    "Branch {0} is not among the branches you may record members for", String.valueOf(command.branchId()));
        }
        Member member = members.newInstance(() -> new Member(command, rules)).invoke(m -> m);
        if (member.username() != null) {
            claim(member.username(), command.memberId().value());
        }
    }

    /** 关联登录账号: the link on the record, the name claimed for it, an earlier name released; one commit. */
    @CommandHandler
    void handle(LinkAccountCommand command) throws Exception {
        String before = members.load(command.memberId().value()).invoke(member -> member.linkAccount(command));
        claim(command.username(), command.memberId().value());
        if (before != null) {
            release(before, command.memberId().value());
        }
    }

    /** 解除账号关联: the unlink on the record, the name released. */
    @CommandHandler
    void handle(UnlinkAccountCommand command) {
        String before = members.load(command.memberId().value()).invoke(member -> member.unlinkAccount(command));
        release(before, command.memberId().value());
    }

    private void claim(String username, String memberId) throws Exception {
        try {
            loginNames.load(LoginName.idOf(username)).execute(name -> name.claim(username, memberId));
        } catch (AggregateNotFoundException e) {
            loginNames.newInstance(() -> new LoginName(username, memberId));
        }
    }

    private void release(String username, String memberId) {
        try {
            loginNames.load(LoginName.idOf(username)).execute(name -> name.release(memberId));
        } catch (AggregateNotFoundException e) {
            // linked before names were claimed: nothing holds it
        }
    }

    @CommandHandler
    void handle(DesignateActivistCommand command) {
        members.load(command.memberId().value()).execute(member -> member.designateActivist(command, rules));
    }

    @CommandHandler
    void handle(DesignateDevelopmentObjectCommand command) {
        members.load(command.memberId().value()).execute(member -> member.designateDevelopmentObject(command, rules));
    }

    @CommandHandler
    void handle(ConcludePoliticalReviewCommand command) {
        members.load(command.memberId().value()).execute(member -> member.concludePoliticalReview(command, rules));
    }

    @CommandHandler
    void handle(AdmitProbationaryMemberCommand command) {
        members.load(command.memberId().value()).execute(member -> member.admit(command, rules));
    }

    @CommandHandler
    void handle(ConfirmFullMemberCommand command) {
        members.load(command.memberId().value()).execute(member -> member.confirm(command, rules));
    }

    @CommandHandler
    void handle(ExtendProbationCommand command) {
        members.load(command.memberId().value()).execute(member -> member.extendProbation(command, rules));
    }

    @CommandHandler
    void handle(CancelProbationCommand command) {
        members.load(command.memberId().value()).execute(member -> member.cancelProbation(command, rules));
    }

    @CommandHandler
    void handle(InitiateTransferCommand command) {
        members.load(command.memberId().value()).execute(member -> member.initiateTransfer(command, rules));
    }

    @CommandHandler
    void handle(ReceiveTransferCommand command) {
        members.load(command.memberId().value()).execute(member -> member.receiveTransfer(command, rules));
    }

    @CommandHandler
    void handle(ConfirmTransferCommand command) {
        members.load(command.memberId().value()).execute(member -> member.confirmTransfer(command, rules));
    }

    @CommandHandler
    void handle(CancelTransferCommand command) {
        members.load(command.memberId().value()).execute(member -> member.cancelTransfer(command, rules));
    }

    @CommandHandler
    void handle(RecordPointsCommand command) {
        members.load(command.memberId().value()).execute(member -> member.recordPoints(command, rules, points));
    }

    @CommandHandler
    void handle(CorrectAttendancePointsCommand command) {
        members.load(command.memberId().value()).execute(member -> member.correctAttendancePoints(command, rules, points));
    }

    @CommandHandler
    void handle(RecordSanctionCommand command) {
        members.load(command.memberId().value()).execute(member -> member.recordSanction(command));
    }

    @CommandHandler
    void handle(OpenCadreAssessmentCommand command) {
        members.load(command.memberId().value()).execute(member -> member.openCadreAssessment(command, rules));
    }

    @CommandHandler
    void handle(ConcludeCadreAssessmentCommand command) {
        members.load(command.memberId().value()).execute(member -> member.concludeCadreAssessment(command, rules));
    }

    @CommandHandler
    void handle(SetDuesBaseCommand command) {
        members.load(command.memberId().value()).execute(member -> member.setDuesBase(command, rules));
    }

    @CommandHandler
    void handle(PayDuesCommand command) {
        members.load(command.memberId().value()).execute(member -> member.payDues(command, rules));
    }

    @CommandHandler
    void handle(RecordCareCommand command) {
        members.load(command.memberId().value()).execute(member -> member.recordCare(command, rules));
    }

    @CommandHandler
    void handle(RecordTrainingCommand command) {
        members.load(command.memberId().value()).execute(member -> member.recordTraining(command, rules));
    }

    @CommandHandler
    void handle(QualifyPartyAffairsCadreCommand command) {
        members.load(command.memberId().value()).execute(member -> member.qualify(command, rules, qualification));
    }
}
