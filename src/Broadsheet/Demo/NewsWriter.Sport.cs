#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // ---------------------------------------------------------------------------------- Sport
        private static Cat Sport() => new()
        {
            Name = "Sport",
            Slug = "sport",
            Civic = false,
            Description = "Results, fixtures and the stories behind them, from the Northern League to the County Cup.",
            Orgs = P("{town} Rovers", "{town} Athletic", "{town} United", "{town} Harriers", "{town} City"),
            Orgs2 = P("{town2} Rovers", "{town2} Athletic", "{town2} United", "{town2} Harriers", "{town2} Town"),
            Venues = P("the Lowgate Ground in {town}", "the Riverside Stadium in {town}", "Mill Lane in {town}"),
            Events = ["a midweek fixture", "the County Cup semi-final", "the local derby", "the final home game of the season"],
            Items = ["season-ticket holders", "academy players", "home fixtures", "away fans"],
            Works = ["Ninety Minutes in the Rain", "The Mill Lane Years", "Promotion or Bust", "Terrace Voices"],
            Topics =
            [
                "the race for promotion|the promotion race", "a long-term knee injury to the captain|the captain's injury",
                "plans for a new stadium on the edge of town|a new stadium", "a new contract for the head coach|the coach's contract",
                "the club's struggling defence|a leaky defence", "a takeover bid from overseas investors|a takeover bid",
                "the battle against relegation|the relegation fight", "rising ticket prices|ticket prices",
                "the January transfer window|transfers", "a crowded fixture list|the fixture pile-up",
            ],
            P1Titles = P("the head coach of {org}", "the manager of {org}", "the captain of {org}", "the chair of {org}"),
            P2Titles = P("the head coach of {org2}", "the captain of {org2}", "a spokesperson for the {org2} supporters' trust"),
            P3Titles = P("a former {org} captain turned pundit", "a sports economist at the University of {town2}", "the chief executive of the Northern League"),
            Angles =
            [
                new Angle
                {
                    Tag = "Match Reports",
                    Headlines = P("{org} go top with {score} win over {org2}", "{player} on target as {org} beat {org2} {score}", "{org} see off {org2} in front of a home crowd"),
                    Standfirsts = P(
                        "{player} was on the scoresheet as {org} beat {org2} {score} at {venue} on {day}, a result that lifts the side to the top of the Northern League for the first time this season.",
                        "A committed performance from {org} brought a {score} win over {org2}, and {p1}, {p1title}, said afterwards that the squad was finally playing the way it trained."),
                    Leads = P(
                        "{org} moved to the top of the Northern League with a {score} win over {org2} at {venue} on {day}.",
                        "{player} opened the scoring after {min} minutes with a low shot into the far corner.",
                        "{p1a} made {num2} changes to the side but the home team barely missed a beat."),
                    P1Title = Tpl.Parse("the head coach of {org}"),
                },
                new Angle
                {
                    Tag = "Match Reports",
                    Headlines = P("Pressure grows on {org} coach after {score} defeat", "{org} slump to a fourth straight defeat against {org2}", "{org} fans call for change after {score} loss to {org2}"),
                    Standfirsts = P(
                        "{org} were beaten {score} by {org2} at home on {day}, a fourth defeat in a row that has left {p1}, {p1title}, facing awkward questions from supporters and the board.",
                        "Boos rang around {venue} at full time as {org} lost {score} to {org2}, and the club's slide down the table shows no sign of stopping."),
                    Leads = P(
                        "{org} fell to a fourth successive defeat on {day}, losing {score} to {org2} in front of a frustrated home crowd.",
                        "{player2} scored for the visitors after {min} minutes and {org} never recovered.",
                        "{p1a} said afterwards that the team had “no excuses”."),
                    P1Title = Tpl.Parse("the head coach of {org}"),
                },
                new Angle
                {
                    Tag = "Transfers",
                    Headlines = P("{org} complete the signing of {player} from {org2}", "{player} joins {org} in a boost for the promotion push", "{org} land {age}-year-old striker {player} from {org2}"),
                    Standfirsts = P(
                        "{org} have completed the signing of {age}-year-old striker {player} from {org2} for an undisclosed fee, ending a pursuit that {p1}, {p1title}, admitted had taken most of the summer.",
                        "{player} has swapped {org2} for {org}, a move that supporters hope will solve the goalscoring problem that has dogged the side all season."),
                    Leads = P(
                        "{org} have signed striker {player} from {org2} on a three-year contract.",
                        "The {age}-year-old scored {num2} goals in all competitions last season.",
                        "{p1a} said the club had tracked the player for more than a year."),
                },
                new Angle
                {
                    Tag = "Fans",
                    TopicFilter = [2, 3, 5, 7],
                    Headlines = P("{org} fans protest over {topicS}", "{org} board responds to supporter anger over {topicS}", "{org} supporters' trust demands answers on {topicS}"),
                    Standfirsts = P(
                        "Hundreds of {org} supporters gathered outside {venue} before {day}'s game to protest about {topic}, the latest sign of growing unease between the club's fans and its owners.",
                        "The {org} supporters' trust has written to the board demanding a meeting about {topic}, saying fans have been kept in the dark for too long."),
                    Leads = P(
                        "Several hundred {org} supporters marched to {venue} before kick-off on {day} to protest about {topic}.",
                        "Banners reading “Our club, our say” were unfurled in the home end during the first half.",
                        "The club issued a short statement saying it “respects the right of supporters to be heard”."),
                },
                new Angle
                {
                    Tag = "Cup Competitions",
                    Headlines = P("{org} reach County Cup semi-finals with {score} win", "{org} knock {org2} out of the County Cup", "{org2} stunned as {org} march on in the County Cup"),
                    Standfirsts = P(
                        "{org} reached the semi-finals of the County Cup for the first time in {num2} years after a {score} win against {org2}, who had been heavy favourites to go through.",
                        "A disciplined display at {venue} took {org} past {org2} and into the last four of the County Cup, where a trip to a bigger club now awaits."),
                    Leads = P(
                        "{org} beat {org2} {score} on {day} to reach the semi-finals of the County Cup.",
                        "{player} scored the decisive goal with {min} minutes on the clock.",
                        "It is the first time the club has come this far in the competition for {num2} years."),
                },
            ],
            Body = P(
                "#014 {org} started brightly and had the ball in the net early on, only for the goal to be ruled out for offside.",
                "#0134 The crowd of {big} was the largest at {venue} this season.",
                "#014 {player2} went close with a curling effort that clipped the crossbar.",
                "#014 The visitors had more of the ball but created little.",
                "#014 {p1a} was forced into a change at half-time after an injury to the left-back.",
                "{org} have now won {num2} of their last ten league games.",
                "#014 The second half was scrappy, with {num2} bookings and few clear chances.",
                "#014 {p2a} said the referee had missed a clear penalty just before the break.",
                "#014 The goalkeeper made two fine saves in the final ten minutes to protect the lead.",
                "Ticket prices at {venue} have risen by {pct} per cent over the past two seasons.",
                "The club's academy has produced {num2} first-team players in the past three years.",
                "#23 {p3a} said the club's finances were in better shape than many of its rivals'.",
                "Attendances across the Northern League are up {pct2} per cent on last season.",
                "#014 Rain fell steadily throughout the game, and the pitch cut up badly in the second half.",
                "#014 The captain was substituted with what appeared to be a hamstring problem.",
                "#014 Away fans, who had travelled in good numbers, sang throughout.",
                "#014 The result leaves {org2} {num2} points adrift of the play-off places.",
                "{org} have kept {num2} clean sheets in their last ten games.",
                "#3 The new stadium plans have been delayed twice by planning objections.",
                "The squad trained at the club's facility outside {town} earlier in the week.",
                "#014 Match statistics showed {org} had {num} shots, but only a handful on target.",
                "#13 Supporters' groups have asked the club to freeze ticket prices for next season.",
                "#014 The home side's pressing forced a string of errors in the opening twenty minutes.",
                "#04 {player} has now scored in {num2} consecutive matches.",
                "#0134 A minute's applause was held before kick-off in memory of a former club secretary.",
                "#014 The visitors' travelling support made themselves heard throughout.",
                "#0234 The club has lost only once at home since {month}.",
                "Injuries have forced {p1a} to rotate the squad heavily in recent weeks.",
                "#014 The young full-back, making only a second start, looked assured.",
                "Set pieces have been a weakness for much of the season.",
                "#13 The board is due to meet supporters' representatives next week.",
                "#23 The club's accounts, published in {month}, showed a small operating loss.",
                "#014 The midfield battle was fierce, with neither side able to dominate for long.",
                "#23 Season-ticket sales are up on last year, according to the club.",
                "#014 A penalty appeal in stoppage time was waved away.",
                "The pitch has been relaid since last season and drew praise from both managers.",
                "#014 The home side switched to a back three at half-time, and it paid off.",
                "#014 The visiting goalkeeper was the busier of the two for most of the afternoon.",
                "#014 {player2} was booked for a late challenge in the second half.",
                "#014 Both sides had chances in a frantic final ten minutes.",
                "#014 The substitute made an immediate impact, winning a free kick within seconds of coming on.",
                "#014 The home crowd grew restless as the first half wore on without a goal.",
                "#014 Neither manager was willing to settle for a point.",
                "The club has invested heavily in its training ground over the past two seasons.",
                "#014 The referee consulted his assistant for several seconds before awarding the free kick.",
                "#014 Local rivals will be watching the result with interest.",
                "The team's record against sides in the top half has improved markedly.",
                "#23 The club shop reported record sales of replica shirts this month.",
                "#2 The fee is believed to be a club record.",
                "#2 {player} passed a medical at the club's training ground on {day} morning.",
                "#2 The striker is expected to go straight into the squad for the weekend fixture.",
                "#2 Several other clubs in the Northern League were understood to be interested.",
                "#2 {org2} had rejected two earlier bids before agreeing terms.",
                "#3 A petition calling for a supporters' representative on the board has gathered {big2} signatures.",
                "#3 Police said the protest was noisy but peaceful.",
                "#3 The owners bought the club {num2} years ago, promising investment in the squad and the ground.",
                "#3 Some longer-serving supporters say they have never seen the mood so sour.",
                "#4 The semi-final draw will be made on {day} evening.",
                "#4 The County Cup has been won by a club from outside the top division only twice in its history."
            ),
            C1 = P(
                "the squad had shown the character needed for a long season",
                "nobody at the club was getting carried away",
                "the players had followed the game plan to the letter",
                "the club was building something that would last",
                "the supporters had been magnificent all season",
                "there was still plenty to improve on"
            ),
            C2 = P(
                "the team had not been good enough on the day",
                "the referee had made a number of questionable decisions",
                "supporters deserved more honesty from the board",
                "the club had been slow to address long-standing problems",
                "the squad would regroup and respond",
                "ticket prices were pricing out younger fans"
            ),
            C3 = P(
                "the league was more competitive than it had been for years",
                "the club's recruitment had been shrewd",
                "the financial gap between the top sides was growing",
                "momentum could carry a side a long way at this time of year",
                "the academy was the club's most valuable asset",
                "the relationship between owners and fans would define the season"
            ),
            Q1 = P(
                "I thought we were outstanding for an hour and then we had to dig in",
                "The players showed real character today, and that is what I asked of them",
                "We are not getting carried away, it is one result",
                "There is a long way to go this season and a lot of football to be played",
                "The supporters were magnificent and the players fed off that"
            ),
            Q2 = P(
                "We were second to everything in the first half, and you cannot do that at this level",
                "We felt we deserved something from the game, but that is football",
                "The fans pay good money and they deserve honesty from the club",
                "We will regroup and go again on {day}",
                "I have nothing against the referee, but that decision changed the game"
            ),
            Q3 = P(
                "Clubs of this size live or die by their academy",
                "The league is tighter this season than it has been for years",
                "You can see the shape of a good side emerging",
                "Owners come and go, but the supporters are always there",
                "A win like that can change a whole season if the players believe it"
            ),
            Closers = P(
                "{org} travel to {town2} on {day} for their next league fixture.",
                "The semi-final draw takes place on {day}.",
                "Both sides are back in action next weekend.",
                "The club is expected to respond formally to the supporters' trust by the end of {month}."
            ),
            BulletIntros = P("Match facts:", "The key moments:", "How the table looks:"),
            Bullets = P(
                "**Final score:** {score}",
                "**Attendance:** {big}",
                "**Players to watch:** {player} and {player2}",
                "**Booked:** {player2}",
                "**Man of the match:** {player}",
                "**Next fixture:** away to {town2} on {day}",
                "**League position:** {org2} sit {num2} points off the play-off places"
            ),
            Subheads = ["The first half", "After the break", "Voices from the stands", "The view from the dugout", "The bigger picture", "What comes next"],
            Tags = ["Match Reports", "Transfers", "Fans", "Cup Competitions", "Football", "Northern League", "Coaching", "Injuries", "Stadiums", "Youth Academies", "Promotion Race", "Club Ownership"],
        };
    }
}
